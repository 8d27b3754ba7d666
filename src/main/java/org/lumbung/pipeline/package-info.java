/** What the stages hand each other beyond records: what indexing reports back, and record failures. */
package org.lumbung.pipeline;
