/** Article landing pages: reading them from files or URLs and extracting Dublin Core from HTML meta tags or text dumps. */
package org.lumbung.landing;
