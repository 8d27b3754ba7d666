/** Ingesting what an operator names: files, folders, URLs, sitemaps and OJS archives, as a stream of landing pages or saved OAI-PMH responses, and the inbox folder that is watched for them. */
package org.lumbung.ingest;
