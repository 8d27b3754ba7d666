package org.lumbung.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.lumbung.landing.PageValidators;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Each fetched page's ETag and Last-Modified, in {@code <prefix>-pages}, for conditional requests on re-visits. */
public final class PageValidatorStore implements PageValidators {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.pages");

    private final ElasticsearchClient client;
    private final String index;

    public PageValidatorStore(ElasticsearchClient client, IndexLayout layout) {
        this.client = client;
        this.index = layout.pagesIndex();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Validators get(String url) {
        try {
            GetResponse<Map> doc = client.get(g -> g.index(index).id(DocumentIds.safe(url)), Map.class);
            if (!doc.found() || doc.source() == null) {
                return null;
            }
            Object etag = doc.source().get("etag");
            Object modified = doc.source().get("lastModified");
            return new Validators(etag == null ? null : etag.toString(), modified == null ? null : modified.toString());
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read what is known of {}: {}", url, e.toString());
            return null;
        }
    }

    @Override
    public void put(String url, Validators validators) {
        Map<String, Object> doc = new java.util.LinkedHashMap<>();
        doc.put("url", url);
        doc.put("etag", validators.etag());
        doc.put("lastModified", validators.lastModified());
        doc.put("at", Instant.now().toString());
        doc.values().removeIf(java.util.Objects::isNull);
        try {
            client.index(i -> i.index(index).id(DocumentIds.safe(url)).document(doc));
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot remember the validators of {}: {}", url, e.toString());
        }
    }
}
