package org.lumbung.source;

import java.util.List;
import org.lumbung.landing.PageInput;

/**
 * A source Lumbung harvests: an OAI-PMH endpoint ({@code oai}) or a list of landing pages ({@code pages}), with its
 * cron schedule (Quartz syntax, seconds first).
 *
 * @param id             slug used in logs, document ids and provenance
 * @param name           what people call it
 * @param kind           oai or pages
 * @param baseUrl        the OAI-PMH base URL (oai only)
 * @param metadataPrefix the format to harvest (oai only)
 * @param sets           setSpecs to harvest; empty harvests the whole repository (oai only)
 * @param schedule       Quartz cron expression
 * @param pages          page files or URLs with their addresses (pages only)
 */
public record Source(String id, String name, Kind kind, String baseUrl, String metadataPrefix, List<String> sets,
                     String schedule, List<PageInput> pages) {

    /** What a source is. */
    public enum Kind { OAI, PAGES }

    public Source {
        sets = List.copyOf(sets);
        pages = List.copyOf(pages);
    }
}
