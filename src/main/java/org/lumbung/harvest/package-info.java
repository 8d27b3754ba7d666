/** OAI-PMH harvesting: requests, the page loop, the streaming page parser and the protocol's errors. */
package org.lumbung.harvest;
