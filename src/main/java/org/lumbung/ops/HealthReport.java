package org.lumbung.ops;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lumbung.index.EsConnection;
import org.lumbung.index.IndexLayout;

/** What {@code GET /health} answers: Lumbung's state, Elasticsearch's and each source's. */
public final class HealthReport {

    private final EsConnection es;
    private final IndexLayout layout;
    private final SourceHealth sources;

    public HealthReport(EsConnection es, IndexLayout layout, SourceHealth sources) {
        this.es = es;
        this.layout = layout;
        this.sources = sources;
    }

    /**
     * {@code status} is UP while Elasticsearch answers green or yellow, DOWN otherwise; {@code sources} has each
     * source's last run and last complete harvest.
     */
    public Map<String, Object> check() {
        String health = es.health();
        boolean up = health.equals("green") || health.equals("yellow");
        Map<String, Object> elasticsearch = new LinkedHashMap<>();
        elasticsearch.put("url", es.address());
        elasticsearch.put("status", health);
        elasticsearch.put("alias", layout.recordsAlias());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", up ? "UP" : "DOWN");
        out.put("elasticsearch", elasticsearch);
        if (up) {
            try {
                out.put("sources", sources.describe());
            } catch (IOException | RuntimeException e) {
                out.put("sources", "unreadable: " + e.getMessage());
            }
        }
        return out;
    }
}
