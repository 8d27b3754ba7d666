package org.lumbung.config;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.lumbung.source.Source;
import org.lumbung.source.SourceRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Gives every source its own Quartz route from the {@code sources-schedule} template in sources.camel.yaml. */
final class SourceSchedules {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.sources");

    private SourceSchedules() {
    }

    static void add(CamelContext context, SourceRegistry registry) {
        for (Source source : registry.all()) {
            TemplatedRouteBuilder.builder(context, "sources-schedule")
                    .routeId("sources-schedule-" + source.id())
                    .parameter("sourceId", source.id())
                    .parameter("schedule", source.schedule())
                    .add();
            LOG.info("source {} ({}): scheduled '{}'", source.id(), source.kind().name().toLowerCase(java.util.Locale.ROOT),
                    source.schedule());
        }
    }
}
