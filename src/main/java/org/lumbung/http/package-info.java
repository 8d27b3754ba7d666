/** HTTP shared by harvesting and landing pages: the fetcher with its retries, timeouts and redirects, per-host queues, the private-address guard, robots.txt, bot-wall recognition and TLS options. */
package org.lumbung.http;
