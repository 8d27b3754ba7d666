package org.lumbung.search.cite;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.lumbung.index.IndexDocument;
import org.lumbung.search.RecordSearcher;
import org.lumbung.search.RecordViews;
import org.lumbung.search.SearchRequest;

/**
 * Citation exports for the API: one record, or the records a search finds (its first {@link #MAX_RECORDS}, in its
 * order), as BibTeX, RIS or CSL-JSON, with the file name a browser saves them under. Tombstones are never exported.
 */
public final class CitationExports {

    /** The most records a result list's export holds. */
    public static final int MAX_RECORDS = 1000;

    /** An export's text, media type and file name. */
    public record Export(String body, CitationFormat format, String name) {

        public String contentType() {
            return format.mediaType() + "; charset=UTF-8";
        }

        public String contentDisposition() {
            return "attachment; filename=\"" + name + "." + format.extension() + "\"";
        }
    }

    private final RecordViews views;
    private final RecordSearcher searcher;
    private final RecordAddresses addresses;

    public CitationExports(RecordViews views, RecordSearcher searcher, RecordAddresses addresses) {
        this.views = views;
        this.searcher = searcher;
        this.addresses = addresses;
    }

    /** One record; a missing id is a NotFoundException, a bad format the client's error. */
    public Export record(String id, String format) throws IOException {
        CitationFormat chosen = CitationFormat.of(format);
        IndexDocument doc = views.document(id);
        List<Reference> references = doc.deleted() ? List.of() : List.of(Reference.of(id, doc, addresses.page(id)));
        return new Export(chosen.write(references), chosen, "lumbung-" + fileName(id));
    }

    /** A result list, from the raw query string of a search ({@code q}, facets, {@code sort}) and {@code format}. */
    public Export search(String rawQuery, String format) throws IOException {
        CitationFormat chosen = CitationFormat.of(format);
        SearchRequest request = SearchRequest.parse(rawQuery);
        List<Reference> references = new ArrayList<>();
        searcher.documents(request, MAX_RECORDS)
                .forEach((id, doc) -> references.add(Reference.of(id, doc, addresses.page(id))));
        return new Export(chosen.write(references), chosen, "lumbung-search");
    }

    /** An id as a file name: letters, digits, dots and dashes only, and not too long. */
    static String fileName(String id) {
        String name = id.replaceAll("[^A-Za-z0-9.-]+", "-").replaceAll("^[.-]+|[.-]+$", "");
        return name.length() > 80 ? name.substring(0, 80) : name.isEmpty() ? "record" : name;
    }
}
