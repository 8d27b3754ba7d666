/**
 * Operations: health, each source's harvest health, Prometheus metrics, the admin endpoints behind a token, and the
 * operator page that does what they do for a logged-in browser.
 */
package org.lumbung.ops;
