package org.lumbung.search;

import java.util.LinkedHashMap;
import java.util.Map;
import org.lumbung.index.EsConnection;
import org.lumbung.index.IndexLayout;

/** What {@code GET /health} answers: Lumbung's state and Elasticsearch's. */
public final class HealthReport {

    private final EsConnection es;
    private final IndexLayout layout;

    public HealthReport(EsConnection es, IndexLayout layout) {
        this.es = es;
        this.layout = layout;
    }

    /** {@code status} is UP while Elasticsearch answers green or yellow, DOWN otherwise. */
    public Map<String, Object> check() {
        String health = es.health();
        boolean up = health.equals("green") || health.equals("yellow");
        Map<String, Object> elasticsearch = new LinkedHashMap<>();
        elasticsearch.put("url", es.url().toString());
        elasticsearch.put("status", health);
        elasticsearch.put("alias", layout.recordsAlias());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", up ? "UP" : "DOWN");
        out.put("elasticsearch", elasticsearch);
        return out;
    }
}
