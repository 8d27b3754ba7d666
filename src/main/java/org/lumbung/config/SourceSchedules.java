package org.lumbung.config;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.lumbung.source.Source;
import org.lumbung.source.SourceRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one Quartz route per source (from the {@code sources-schedule} template in sources.camel.yaml) in step with
 * the live source list: sources added by {@code sources add} get a schedule, removed ones lose theirs, changed
 * schedules are replaced.
 */
public final class SourceSchedules implements CamelContextAware {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.sources");

    private final SourceRegistry registry;
    private final Map<String, String> scheduled = new HashMap<>();
    private CamelContext context;

    public SourceSchedules(SourceRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.context = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return context;
    }

    public synchronized void sync() throws Exception {
        List<Source> sources = registry.all();
        Map<String, String> wanted = new HashMap<>();
        sources.forEach(s -> wanted.put(s.id(), s.schedule()));
        for (Map.Entry<String, String> e : Map.copyOf(scheduled).entrySet()) {
            if (!e.getValue().equals(wanted.get(e.getKey()))) {
                context.getRouteController().stopRoute(routeId(e.getKey()));
                context.removeRoute(routeId(e.getKey()));
                scheduled.remove(e.getKey());
                LOG.info("source {}: schedule '{}' removed", e.getKey(), e.getValue());
            }
        }
        for (Source source : sources) {
            if (!scheduled.containsKey(source.id())) {
                TemplatedRouteBuilder.builder(context, "sources-schedule")
                        .routeId(routeId(source.id()))
                        .parameter("sourceId", source.id())
                        .parameter("schedule", source.schedule())
                        .add();
                scheduled.put(source.id(), source.schedule());
                LOG.info("source {} ({}): scheduled '{}'", source.id(), source.kind().name().toLowerCase(Locale.ROOT),
                        source.schedule());
            }
        }
    }

    private static String routeId(String sourceId) {
        return "sources-schedule-" + sourceId;
    }
}
