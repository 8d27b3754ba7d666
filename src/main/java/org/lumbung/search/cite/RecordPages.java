package org.lumbung.search.cite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.lumbung.index.IndexDocument;
import org.lumbung.search.NotFoundException;
import org.lumbung.search.RecordViews;
import org.lumbung.search.WebAssets;

/**
 * A record's page as served: the page file, whose script shows the record, with the record's citation head written
 * in by the server (reference managers read the HTML as it comes and run no script) and its Signposting links. With
 * no such record the page is served as it is, answered 404, and its script says why.
 */
public final class RecordPages {

    /** The page's HTML, its status and its {@code Link} header (null without a record). */
    public record RecordPage(byte[] bytes, String contentType, int status, String links) {
    }

    private final RecordViews views;
    private final WebAssets assets;
    private final RecordAddresses addresses;

    public RecordPages(RecordViews views, WebAssets assets, RecordAddresses addresses) {
        this.views = views;
        this.assets = assets;
        this.addresses = addresses;
    }

    public RecordPage page(String id) throws IOException {
        WebAssets.Asset template = assets.page("/record");
        IndexDocument doc;
        try {
            doc = views.document(id);
        } catch (NotFoundException | IllegalArgumentException e) {
            return new RecordPage(template.bytes(), template.contentType(), 404, null);
        }
        Reference reference = Reference.of(id, doc, addresses.page(id));
        Document page = Jsoup.parse(new String(template.bytes(), StandardCharsets.UTF_8));
        page.outputSettings().prettyPrint(false);
        if (!doc.deleted()) {
            RecordHead.write(reference, page);
        }
        String links = doc.deleted() ? null
                : Signposting.links(reference, addresses.api(id), format -> addresses.export(id, format));
        return new RecordPage(page.outerHtml().getBytes(StandardCharsets.UTF_8), template.contentType(), 200, links);
    }
}
