package org.lumbung.search.cite;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The citation formats Lumbung exports, each with its media type and file extension. */
public enum CitationFormat {
    BIBTEX("bibtex", "application/x-bibtex", "bib", BibtexWriter::write),
    RIS("ris", "application/x-research-info-systems", "ris", RisWriter::write),
    CSL_JSON("csl-json", "application/vnd.citationstyles.csl+json", "json", CslJsonWriter::write);

    private final String parameter;
    private final String mediaType;
    private final String extension;
    private final Function<List<Reference>, String> writer;

    CitationFormat(String parameter, String mediaType, String extension, Function<List<Reference>, String> writer) {
        this.parameter = parameter;
        this.mediaType = mediaType;
        this.extension = extension;
        this.writer = writer;
    }

    /** The format a {@code format} parameter names; anything else is the client's error. */
    public static CitationFormat of(String parameter) {
        String name = parameter == null ? "" : parameter.strip().toLowerCase(Locale.ROOT);
        for (CitationFormat f : values()) {
            if (f.parameter.equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("format must be bibtex, ris or csl-json");
    }

    public String parameter() {
        return parameter;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public String write(List<Reference> references) {
        return writer.apply(references);
    }
}
