/** What the stages hand each other beyond records: failure kinds, record failures, what indexing reports back. */
package org.lumbung.pipeline;
