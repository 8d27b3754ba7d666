/** OAI-PMH harvesting: the protocol's requests and errors, the streaming page parser, the page loop with its date windows, guards, salvage and checkpoints, and the audit. */
package org.lumbung.harvest;
