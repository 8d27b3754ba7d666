/** Rebuilding the index from the raw archive (after a crosswalk or mapping change) and replaying dead letters. */
package org.lumbung.reindex;
