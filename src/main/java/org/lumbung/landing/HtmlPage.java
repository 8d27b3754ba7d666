package org.lumbung.landing;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** A landing page parsed once for all scheme readers: its address, its HTML tree and its meta tags in page order. */
record HtmlPage(String url, Document html, List<MetaTag> metas) {

    static HtmlPage parse(LandingPage page) {
        Document html = Jsoup.parse(page.content(), page.url() == null ? "" : page.url());
        return new HtmlPage(page.url(), html, MetaTag.of(html));
    }
}
