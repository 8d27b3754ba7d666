/** Operations: health, each source's harvest health, Prometheus metrics, and the admin endpoints behind a token. */
package org.lumbung.ops;
