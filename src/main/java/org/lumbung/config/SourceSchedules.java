package org.lumbung.config;

import java.util.HashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.lumbung.source.Source;
import org.lumbung.source.SourceRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one Quartz route per source (from the {@code sources-schedule} template in sources.camel.yaml), and one per
 * source with an {@code audit} cron (from {@code audit-schedule} in audit.camel.yaml), in step with the live source
 * list: sources added by {@code sources add} get a schedule, removed ones lose theirs, changed schedules are replaced.
 */
public final class SourceSchedules implements CamelContextAware {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.sources");

    private final SourceRegistry registry;
    private static final String HARVEST = "sources-schedule";
    private static final String AUDIT = "audit-schedule";

    private final Map<String, Schedule> scheduled = new HashMap<>();
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

    /** One Quartz route: the template it comes from (a harvest's or an audit's), its source and its cron. */
    private record Schedule(String template, String sourceId, String cron) {
    }

    public synchronized void sync() throws Exception {
        Map<String, Schedule> wanted = new HashMap<>();
        for (Source source : registry.all()) {
            wanted.put(HARVEST + "-" + source.id(), new Schedule(HARVEST, source.id(), source.schedule()));
            if (source.audit() != null && source.kind() == Source.Kind.OAI) {
                wanted.put(AUDIT + "-" + source.id(), new Schedule(AUDIT, source.id(), source.audit()));
            }
        }
        for (Map.Entry<String, Schedule> e : Map.copyOf(scheduled).entrySet()) {
            if (!e.getValue().equals(wanted.get(e.getKey()))) {
                context.getRouteController().stopRoute(e.getKey());
                context.removeRoute(e.getKey());
                scheduled.remove(e.getKey());
                LOG.info("source {}: {} '{}' removed", e.getValue().sourceId(), e.getValue().template(),
                        e.getValue().cron());
            }
        }
        for (Map.Entry<String, Schedule> e : wanted.entrySet()) {
            if (!scheduled.containsKey(e.getKey())) {
                Schedule schedule = e.getValue();
                TemplatedRouteBuilder.builder(context, schedule.template())
                        .routeId(e.getKey())
                        .parameter("sourceId", schedule.sourceId())
                        .parameter("schedule", schedule.cron())
                        .add();
                scheduled.put(e.getKey(), schedule);
                LOG.info("source {}: {} '{}'", schedule.sourceId(), schedule.template(), schedule.cron());
            }
        }
    }
}
