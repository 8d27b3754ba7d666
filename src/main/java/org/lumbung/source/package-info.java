/** Sources to harvest (OAI-PMH endpoints and landing pages), read from the seed list, run and scheduled. */
package org.lumbung.source;
