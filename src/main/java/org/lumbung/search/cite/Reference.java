package org.lumbung.search.cite;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lumbung.index.IndexDocument;
import org.lumbung.search.RecordViews;

/**
 * What a citation says of a record, read once from its document so that every format says the same: each value is
 * one line of plain text (harvested line breaks and runs of spaces become one space), null or empty when unknown.
 *
 * @param id        the document id
 * @param page      Lumbung's page of the record (absolute)
 * @param landing   the article's own page (http or https), null when unknown
 * @param published the publication date as W3CDTF ({@code 2021}, {@code 2021-03}, {@code 2021-03-15}), or null
 * @param fullText  the full text's addresses (PDFs, OJS galleys), http or https only
 * @param licence   the licence's URI (Creative Commons), or null
 */
public record Reference(String id, String page, String title, List<Author> authors, String published,
                        String journal, List<String> issn, String volume, String issue, String firstPage,
                        String lastPage, String doi, List<String> languages, String summary, List<String> keywords,
                        String landing, List<String> fullText, String licence, boolean journalArticle) {

    private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?.*");

    /** A creator: family and given names when the name has the {@code Family, Given} form, else only {@code name}. */
    public record Author(String name, String family, String given, String orcid, String affiliation) {

        static Author of(String name, String orcid, String affiliation) {
            String clean = line(name);
            int comma = clean.indexOf(", ");
            return comma > 0
                    ? new Author(clean, clean.substring(0, comma), clean.substring(comma + 2), orcid, line(affiliation))
                    : new Author(clean, null, null, orcid, line(affiliation));
        }

        /** The name as readers write it: {@code Given Family}. */
        public String displayName() {
            return family == null ? name : given + " " + family;
        }

        /** The ORCID as a URI, or null. */
        public String orcidUri() {
            return orcid == null ? null : "https://orcid.org/" + orcid;
        }
    }

    public Reference {
        title = line(title);
        authors = List.copyOf(authors);
        journal = line(journal);
        issn = lines(issn);
        volume = line(volume);
        issue = line(issue);
        firstPage = line(firstPage);
        lastPage = line(lastPage);
        languages = lines(languages);
        summary = line(summary);
        keywords = lines(keywords).stream().distinct().toList();
        fullText = List.copyOf(fullText);
    }

    /** The reference of a document whose page Lumbung serves at {@code page}. */
    public static Reference of(String id, IndexDocument doc, String page) {
        IndexDocument.Derived d = doc.derived();
        IndexDocument.Journal j = d == null ? null : d.journal();
        List<String> issn = new ArrayList<>(j == null || j.issn() == null ? List.of() : j.issn());
        if (issn.isEmpty() && d != null && d.identifiers() != null && d.identifiers().issn() != null) {
            issn.addAll(d.identifiers().issn());
        }
        List<String> languages = d == null || d.language() == null ? List.of()
                : d.language().iso639_1() != null && !d.language().iso639_1().isEmpty() ? d.language().iso639_1()
                : d.language().iso639_3() == null ? List.of() : d.language().iso639_3();
        List<String> fullText = d == null || d.fullText() == null ? List.of() : d.fullText().stream()
                .filter(Reference::isLinkable).toList();
        String type = d == null || d.type() == null ? null : d.type().label();
        return new Reference(id, page, first(doc.values("title")), authors(doc), published(d),
                j == null ? null : j.title(), issn, j == null ? null : j.volume(), j == null ? null : j.issue(),
                j == null ? null : j.firstPage(), j == null ? null : j.lastPage(), d == null ? null : d.doi(),
                languages, first(doc.values("description")), doc.values("subject"), landing(doc), fullText,
                d == null || d.licence() == null ? null : d.licence().uri(),
                j != null && j.title() != null || "journal article".equals(type));
    }

    /** The derived creators (names normalised, ORCIDs checked), else the Dublin Core creators as written. */
    private static List<Author> authors(IndexDocument doc) {
        IndexDocument.Derived d = doc.derived();
        if (d != null && d.creators() != null && !d.creators().isEmpty()) {
            return d.creators().stream().filter(p -> line(p.name()) != null)
                    .map(p -> Author.of(p.name(), p.orcid(), p.affiliation())).toList();
        }
        return doc.values("creator").stream().filter(n -> line(n) != null).map(n -> Author.of(n, null, null))
                .toList();
    }

    private static String landing(IndexDocument doc) {
        String original = RecordViews.original(doc);
        return original == null ? null : original.strip();
    }

    private static String published(IndexDocument.Derived d) {
        if (d == null) {
            return null;
        }
        return d.published() != null ? d.published() : d.publishedYear() == null ? null : d.publishedYear().toString();
    }

    /** The year, month and day the date gives ({@code [2021, 3, 15]}, {@code [2021]}); empty when there is none. */
    public List<Integer> dateParts() {
        Matcher m = published == null ? null : DATE.matcher(published);
        List<Integer> parts = new ArrayList<>();
        for (int g = 1; m != null && m.matches() && g <= 3 && m.group(g) != null; g++) {
            parts.add(Integer.valueOf(m.group(g)));
        }
        return parts;
    }

    /** The year, or null. */
    public String year() {
        List<Integer> parts = dateParts();
        return parts.isEmpty() ? null : parts.get(0).toString();
    }

    /** The first full-text address that is a PDF, or null (an OJS galley view is a page around one). */
    public String pdf() {
        return fullText.stream().filter(Reference::isPdf).findFirst().orElse(null);
    }

    /** A PDF by its address: a {@code .pdf} file or an OJS download (which answers the galley's file). */
    public static boolean isPdf(String url) {
        return RecordViews.isPdf(url);
    }

    /**
     * An http(s) address that can go into an attribute, a Link header or a citation as it is: a harvested value with
     * spaces, angle brackets or quotes in it is no URI, and is left out.
     */
    public static boolean isLinkable(String value) {
        return RecordViews.linkable(value);
    }

    /** The pages as {@code first-last}, or the first page alone, or null. */
    public String pages() {
        return firstPage == null ? null : lastPage == null ? firstPage : firstPage + "-" + lastPage;
    }

    /**
     * The DOI as its resolver's URL, or null. A DOI's suffix may hold any printable character (old SICI DOIs have
     * angle brackets): what a URI cannot hold as it is, is percent-encoded as the DOI Handbook says.
     */
    public String doiUrl() {
        if (doi == null) {
            return null;
        }
        StringBuilder url = new StringBuilder("https://doi.org/");
        for (byte b : doi.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~/:;()!$'*+,=@".indexOf(c) >= 0)) {
                url.append(c);
            } else {
                url.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return url.toString();
    }

    /** Where to cite the record as found: its own page, else Lumbung's. */
    public String url() {
        return landing != null ? landing : page;
    }

    private static String first(List<String> values) {
        return values.stream().map(Reference::line).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static List<String> lines(List<String> values) {
        return values.stream().map(Reference::line).filter(Objects::nonNull).toList();
    }

    /** One line of text: control characters and runs of white space become one space; blank is null. */
    static String line(String value) {
        if (value == null) {
            return null;
        }
        String clean = value.replaceAll("[\\p{Cntrl}\\p{Z}\\s]+", " ").strip();
        return clean.isEmpty() ? null : clean;
    }
}
