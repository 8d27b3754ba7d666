package org.lumbung.index;

import java.util.Set;
import java.util.TreeSet;

/**
 * The names of Lumbung's indices. Everything reads and writes the alias {@code <prefix>-records}; the concrete index
 * behind it carries the template version ({@code <prefix>-records-v5}, or {@code <prefix>-records-v5-r<millis>} once rebuilt), so a new document shape is a new index.
 */
public record IndexLayout(String prefix, int replicas, String codec) {

    /** Bump when the document shape changes; docs/formats.md's schema says what each version holds. */
    public static final int TEMPLATE_VERSION = 5;
    /**
     * How a new records index stores its documents: {@code best_compression} (zstd, in blocks of up to 2,048
     * documents, since Elasticsearch 8.16) takes less than half the bytes and less of the node's CPU to write, and
     * costs more to read a stored document back; {@code default} (LZ4) the other way round (docs/performance.md).
     */
    public static final String COMPACT = "best_compression";
    /** The codecs a records index may have ({@code lumbung.index.codec}). */
    public static final Set<String> CODECS = Set.of(COMPACT, "default");

    public IndexLayout {
        if (!CODECS.contains(codec)) {
            throw new IllegalArgumentException("codec " + codec + ": must be one of " + new TreeSet<>(CODECS));
        }
    }

    /** A layout whose records indices are stored compactly, as they are unless configured otherwise. */
    public IndexLayout(String prefix, int replicas) {
        this(prefix, replicas, COMPACT);
    }

    public String recordsAlias() {
        return prefix + "-records";
    }

    public String recordsIndex() {
        return recordsAlias() + "-v" + TEMPLATE_VERSION;
    }

    /**
     * The alias of the index a {@code reindex} is filling: while it exists, every write goes there too, so that
     * nothing written during the rebuild is missing when the records alias moves.
     */
    public String nextAlias() {
        return recordsAlias() + "-next";
    }

    /**
     * The alias a {@code reindex} keeps on the index it fills until its catch-up begins: a writer that finds it, after
     * its write to the old index was answered, knows the catch-up has yet to read that index, and so will read the
     * write again.
     */
    public String catchUpPendingAlias() {
        return nextAlias() + "-open";
    }

    /** A fresh concrete index for a rebuild: the template version, and when it was started. */
    public String rebuildIndex(long epochMillis) {
        return recordsIndex() + "-r" + epochMillis;
    }

    /** The template version of one of this layout's concrete records indices; -1 if the name is not one. */
    public int versionOf(String index) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(recordsAlias())
                + "-v(\\d+)(-r\\d+)?").matcher(index);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    public String recordsTemplate() {
        return prefix + "-records";
    }

    /** The component template of the search fields and their analysis. */
    public String searchComponent() {
        return prefix + "-search";
    }

    /** The live source list and each source's checkpoint and lease. */
    public String sourcesIndex() {
        return prefix + "-sources";
    }

    /** The host slots shared by the workers of a cluster: each a lease on room for one run against a host. */
    public String hostsIndex() {
        return prefix + "-hosts";
    }

    /** One report per harvest or ingest run. */
    public String harvestsIndex() {
        return prefix + "-harvests";
    }

    /** What is known of fetched landing pages: ETag and Last-Modified, for conditional requests. */
    public String pagesIndex() {
        return prefix + "-pages";
    }

    /** Records that could not be read or indexed, with their raw text, for replay. */
    public String deadletterIndex() {
        return prefix + "-deadletter";
    }
}
