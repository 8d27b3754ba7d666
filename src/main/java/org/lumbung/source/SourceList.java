package org.lumbung.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lumbung.landing.PageInput;
import org.lumbung.pipeline.Durations;
import org.lumbung.pipeline.SourceId;
import org.quartz.CronExpression;

/**
 * Reads the seed source list ({@code seeds/sources.yaml}) and checks every entry, naming the file, the source and
 * the field when one is wrong. Page files are resolved against the list's folder.
 */
public final class SourceList {

    static final String DEFAULT_SCHEDULE = "0 0 3 * * ?";
    static final List<String> PLATFORMS = List.of("dspace", "eprints", "ojs", "invenio", "dataverse", "other");

    /** One entry as written in YAML. */
    public record Entry(String id, String name, String kind, String baseUrl, String metadataPrefix, String set,
                        List<String> sets, String schedule, List<PageEntry> pages, String platform,
                        Source.Politeness politeness, Source.Windows windows, Boolean reconcileDeletions,
                        String audit, Boolean listSizeEstimated, String freshness, String alertWebhook,
                        Boolean followMoves) {
    }

    /** One page of a pages source: a file (relative to the list) or a URL to fetch, and the page's address. */
    public record PageEntry(String file, String url) {
    }

    /** The file's top level. */
    public record File(List<Entry> sources) {
    }

    private SourceList() {
    }

    private static void checkDuration(Path yaml, String id, String field, String value) {
        if (value != null) {
            try {
                Durations.parse(value);
            } catch (IllegalArgumentException e) {
                throw new SourceListException(yaml, "source '" + id + "': " + field + ": " + e.getMessage());
            }
        }
    }

    public static List<Source> read(Path yaml) {
        File file;
        try {
            file = new ObjectMapper(new YAMLFactory()).readValue(yaml.toFile(), File.class);
        } catch (IOException e) {
            throw new SourceListException(yaml, "cannot be read: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (file == null || file.sources() == null) {
            throw new SourceListException(yaml, "has no 'sources:' list");
        }
        Path folder = yaml.toAbsolutePath().getParent();
        List<Source> sources = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Entry entry : file.sources()) {
            Source source = toSource(yaml, folder, entry);
            if (!ids.add(source.id())) {
                throw new SourceListException(yaml, "source '" + source.id() + "' appears twice");
            }
            sources.add(source);
        }
        return sources;
    }

    private static Source toSource(Path yaml, Path folder, Entry e) {
        String id = e.id();
        if (!SourceId.isValid(id)) {
            throw new SourceListException(yaml, "source id '" + id + "' must be a slug: a-z, 0-9, '-' and '_'");
        }
        String schedule = e.schedule() == null ? DEFAULT_SCHEDULE : e.schedule();
        if (!CronExpression.isValidExpression(schedule)) {
            throw new SourceListException(yaml, "source '" + id + "': schedule '" + schedule
                    + "' is not a Quartz cron expression (seconds minutes hours day month weekday)");
        }
        if (e.audit() != null && !CronExpression.isValidExpression(e.audit())) {
            throw new SourceListException(yaml, "source '" + id + "': audit '" + e.audit()
                    + "' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week)");
        }
        String kind = e.kind() == null ? "" : e.kind().toLowerCase(Locale.ROOT);
        String name = e.name() == null ? id : e.name();
        checkDuration(yaml, id, "politeness.delay", e.politeness() == null ? null : e.politeness().delay());
        checkDuration(yaml, id, "windows.initial", e.windows() == null ? null : e.windows().initial());
        checkDuration(yaml, id, "freshness", e.freshness());
        if (e.alertWebhook() != null && !e.alertWebhook().matches("https?://.+")) {
            throw new SourceListException(yaml, "source '" + id + "': alertWebhook must be an http(s) URL");
        }
        String platform = e.platform() == null ? "other" : e.platform().toLowerCase(Locale.ROOT);
        if (!PLATFORMS.contains(platform)) {
            throw new SourceListException(yaml, "source '" + id + "': platform must be one of " + PLATFORMS);
        }
        boolean reconcile = Boolean.TRUE.equals(e.reconcileDeletions());
        switch (kind) {
            case "oai" -> {
                if (e.baseUrl() == null || !e.baseUrl().matches("https?://.+")) {
                    throw new SourceListException(yaml, "source '" + id + "': baseUrl must be an http(s) URL");
                }
                List<String> sets = new ArrayList<>(e.sets() == null ? List.of() : e.sets());
                if (e.set() != null && !e.set().isBlank()) {
                    sets.add(0, e.set());
                }
                String prefix = e.metadataPrefix() == null ? "oai_dc" : e.metadataPrefix();
                return new Source(id, name, Source.Kind.OAI, e.baseUrl(), prefix, sets, schedule, List.of(), platform,
                        e.politeness(), e.windows(), reconcile, e.audit(), Boolean.TRUE.equals(e.listSizeEstimated()))
                        .withAlerting(e.freshness(), e.alertWebhook())
                        .withFollowMoves(Boolean.TRUE.equals(e.followMoves()));
            }
            case "pages" -> {
                if (e.pages() == null || e.pages().isEmpty()) {
                    throw new SourceListException(yaml, "source '" + id + "': a pages source needs 'pages:'");
                }
                List<PageInput> pages = new ArrayList<>();
                for (PageEntry p : e.pages()) {
                    if (p.file() != null) {
                        pages.add(new PageInput(folder.resolve(p.file()).toString(), p.url()));
                    } else if (p.url() != null) {
                        pages.add(new PageInput(p.url(), p.url()));
                    } else {
                        throw new SourceListException(yaml, "source '" + id + "': each page needs a file or a url");
                    }
                }
                return new Source(id, name, Source.Kind.PAGES, null, null, List.of(), schedule, pages, platform,
                        e.politeness(), e.windows(), false, null).withAlerting(e.freshness(), e.alertWebhook());
            }
            default -> throw new SourceListException(yaml, "source '" + id + "': kind must be oai or pages, not '"
                    + e.kind() + "'");
        }
    }
}
