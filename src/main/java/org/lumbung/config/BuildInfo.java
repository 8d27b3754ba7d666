package org.lumbung.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** What Maven wrote into the jar: Lumbung's version and the Elasticsearch version pinned in the pom. */
public final class BuildInfo {

    private static final Properties PROPERTIES = load();

    private BuildInfo() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/lumbung-build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read lumbung-build.properties", e);
        }
        return p;
    }

    public static String version() {
        return PROPERTIES.getProperty("lumbung.version", "dev");
    }

    public static String elasticsearchVersion() {
        String v = PROPERTIES.getProperty("elasticsearch.version");
        if (v == null || v.startsWith("$")) {
            throw new IllegalStateException("lumbung-build.properties was not filtered by Maven");
        }
        return v;
    }
}
