package org.lumbung.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.lumbung.harvest.HarvestException;
import org.lumbung.harvest.OaiInspector;
import org.lumbung.pipeline.Outcome;
import org.lumbung.search.NotFoundException;
import org.lumbung.source.Source;
import org.lumbung.source.SourceRegistry;
import org.lumbung.source.SourceRemoval;
import org.lumbung.source.SourceStore;

/**
 * What the admin endpoints do, once the token is checked: add a source (found from its homepage or base URL, as
 * {@code sources add} does), remove one (its records become tombstones), stop a running harvest, accept a move of a
 * source's base URL, and check a source before its harvest is queued.
 */
public final class AdminActions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SourceRegistry registry;
    private final OaiInspector inspector;
    private final SourceRemoval removal;
    private final Alerts alerts;

    public AdminActions(SourceRegistry registry, OaiInspector inspector, SourceRemoval removal, Alerts alerts) {
        this.registry = registry;
        this.inspector = inspector;
        this.removal = removal;
        this.alerts = alerts;
    }

    /**
     * The source id of a harvest to queue now; 404 for what a run would skip: an id not in the live list, or the
     * checkpoint of an ad-hoc harvest, which has no definition to run; 409 when the source is paused or another worker
     * runs it now (its trigger would be skipped).
     */
    public String harvestNow(String id) {
        SourceRegistry.Readiness readiness = id == null ? SourceRegistry.Readiness.UNLISTED : registry.readiness(id);
        if (!readiness.listed()) {
            throw new NotFoundException("no source '" + id + "'");
        }
        if (!readiness.runs()) {
            throw new ConflictException("source '" + id + "' " + readiness.skipReason() + "; not queued");
        }
        return id;
    }

    /** The source id of an audit to queue now; 404 as for {@link #harvestNow}. */
    public String auditNow(String id) {
        if (id == null || !registry.runs(id)) {
            throw new NotFoundException("no source '" + id + "'");
        }
        return id;
    }

    /** Pauses or resumes the source (its schedule and triggers skip it while paused); what the answer says. */
    public Map<String, Object> pause(String id, boolean paused) {
        if (id == null || !registry.pause(id, paused)) {
            throw new NotFoundException("no source '" + id + "'");
        }
        return Map.of(paused ? "paused" : "resumed", id);
    }

    /**
     * Asks the source's running harvest to stop at its next page, on whichever worker holds its lease: the answer
     * names that worker. 404 for an unknown source, 409 when no harvest of it is running.
     */
    public Map<String, Object> stop(String id) {
        SourceStore.StopRequest request = (id == null ? Optional.<SourceStore.StopRequest>empty()
                : registry.stop(id)).orElseThrow(() -> new NotFoundException("no source '" + id + "'"));
        if (!request.accepted()) {
            throw new ConflictException("source '" + id + "' " + request.reason() + "; nothing to stop");
        }
        return Map.of("stopping", id, "holder", request.holder());
    }

    /**
     * Accepts the last move of the source's base URL seen: its harvests ask the new address from now on. The answer
     * names both addresses; 404 for an unknown source, 409 when no move waits. The {@code moved} alert closes at once.
     */
    public Map<String, Object> acceptMove(String id) {
        SourceStore.MoveAcceptance acceptance = (id == null ? Optional.<SourceStore.MoveAcceptance>empty()
                : registry.acceptMove(id)).orElseThrow(() -> new NotFoundException("no source '" + id + "'"));
        if (!acceptance.accepted()) {
            throw new ConflictException("source '" + id + "' " + acceptance.reason());
        }
        alerts.moveAccepted(id);
        return Map.of("accepted", id, "from", acceptance.move().from(), "to", acceptance.move().to());
    }

    /** What the answer to a harvest or audit says: queued, or 409 when this worker has it waiting or running. */
    public Map<String, Object> queued(String id, boolean queued) {
        if (!queued) {
            throw new ConflictException("source '" + id + "' is waiting or running already; not queued again");
        }
        return Map.of("queued", id);
    }

    /** {@code {"url": ..., "id"?: ..., "prefix"?: "oai_dc", "schedule"?: "0 0 3 * * ?"}}: the source added. */
    public Map<String, Object> add(String body) throws IOException {
        JsonNode request;
        try {
            request = JSON.readTree(body == null ? "" : body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the body must be JSON: {\"url\": \"https://...\"}");
        }
        String url = request == null ? "" : request.path("url").asText("");
        if (!url.matches("(?i)https?://.+")) {
            throw new IllegalArgumentException("url must be the repository's http(s) homepage or OAI-PMH base URL");
        }
        String schedule = request.path("schedule").asText("0 0 3 * * ?");
        if (!org.quartz.CronExpression.isValidExpression(schedule)) {
            throw new IllegalArgumentException("schedule is not a Quartz cron expression");
        }
        String id = request.hasNonNull("id") ? request.get("id").asText() : null;
        if (id != null && !id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("id must be a slug: lower-case letters, digits and '-'");
        }
        OaiInspector.Inspection found;
        try {
            found = inspector.find(url);
        } catch (HarvestException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        Source source = registry.add(found, id, request.path("prefix").asText("oai_dc"), schedule);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("added", source.id());
        out.put("baseUrl", source.baseUrl());
        out.put("name", source.name());
        out.put("schedule", source.schedule());
        return out;
    }

    public Map<String, Object> remove(String id) throws InterruptedException {
        if (id == null || !removal.exists(id)) {
            throw new NotFoundException("no source '" + id + "'");
        }
        Outcome outcome = removal.remove(id);
        return Map.of("removed", id, "tombstones", outcome.deleted(), "failed", outcome.failed());
    }
}
