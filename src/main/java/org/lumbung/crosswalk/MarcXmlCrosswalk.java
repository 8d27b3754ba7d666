package org.lumbung.crosswalk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.lumbung.dc.Citation;
import org.lumbung.dc.Creator;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecordBuilder;
import org.lumbung.derived.CoarTerm;
import org.lumbung.derived.Journal;
import org.lumbung.derived.JournalNormaliser;
import org.lumbung.derived.TypeNormaliser;
import org.lumbung.xml.XmlElement;

/**
 * MARC 21 in MARCXML ({@code marc21}, {@code marcxml}, the DNB's {@code MARC21-xml}), following the LoC MARC to
 * Dublin Core crosswalk: 245 title (ISBD punctuation and the {@code [Electronic resource]} medium left out), 1XX/7XX
 * names (a relator other than author makes a contributor; Invenio's {@code $u} is the affiliation), 260/264 publisher
 * and date, 520 abstract, 6XX subjects with their subdivisions, 856 links, 773 the host journal with volume, issue
 * and pages. The leader's record type and level become a type word ({@code book}, {@code journal article}), as do a
 * 502 dissertation note and Invenio's 980 collection.
 */
public final class MarcXmlCrosswalk implements Crosswalk {

    public static final String NAMESPACE = "http://www.loc.gov/MARC21/slim";
    private static final Set<String> AUTHOR_RELATORS = Set.of("aut", "author", "cre", "creator", "auteur", "autor",
            "penulis", "pengarang");
    private static final Pattern ISBD_END = Pattern.compile("[\\s/:;,=.]+$");

    @Override
    public boolean accepts(String metadataPrefix, String rootNamespace) {
        String prefix = metadataPrefix == null ? "" : metadataPrefix.toLowerCase(Locale.ROOT);
        return prefix.matches("marc(21|xml|21-?xml)?|usmarc") || NAMESPACE.equals(rootNamespace);
    }

    @Override
    public void read(XmlElement metadata, DcRecordBuilder record) {
        XmlElement marc = metadata.localName().equals("collection")
                ? metadata.element("record").orElse(metadata) : metadata;
        boolean languageGiven = false;
        boolean dateGiven = false;
        boolean thesis = false;
        for (XmlElement field : marc.elements("datafield")) {
            String tag = field.attribute("tag").orElse("");
            languageGiven |= tag.equals("041");
            dateGiven |= tag.equals("260") || tag.equals("264");
            thesis |= tag.equals("502");
            readField(tag, field, record);
        }
        // A thesis is catalogued as a book (leader "am"); its 502 note says more, so the leader's word is left out.
        String leaderType = marc.element("leader").map(l -> leaderType(l.text())).orElse(null);
        if (leaderType != null && !(thesis && leaderType.equals("book"))) {
            record.add(DcElement.TYPE, leaderType);
        }
        for (XmlElement control : marc.elements("controlfield")) {
            if (control.attribute("tag").orElse("").equals("008")) {
                readFixedFields(control.text(), languageGiven, dateGiven, record);
            }
        }
    }

    private static void readField(String tag, XmlElement field, DcRecordBuilder record) {
        switch (tag) {
            case "130", "240", "242", "245", "246" -> record.add(DcElement.TITLE, title(field));
            case "100", "110", "111", "700", "710", "711", "720" -> readName(tag, field, record);
            case "260", "264" -> readImprint(field, record);
            case "269" -> subfields(field, 'c').forEach(d -> record.add(DcElement.DATE, d));
            case "041" -> readLanguages(field, record);
            case "520", "505" -> subfields(field, 'a').forEach(a -> record.add(DcElement.DESCRIPTION, a));
            case "502" -> subfields(field, 'a').forEach(a -> record.add(DcElement.DESCRIPTION, a)
                    .add(DcElement.TYPE, thesisType(a)));
            case "600", "610", "611", "630", "650", "651" -> record.add(DcElement.SUBJECT, heading(field));
            case "653" -> subfields(field, 'a').forEach(a -> record.add(DcElement.SUBJECT, a));
            case "655", "980" -> subfields(field, 'a').forEach(a -> record.add(DcElement.TYPE, isbd(a)));
            case "020", "022" -> subfields(field, 'a').forEach(a -> record.add(DcElement.IDENTIFIER, a));
            case "024" -> readStandardIdentifier(field, record);
            case "856" -> readLink(field, record);
            case "773" -> readHost(field, record);
            case "490", "830" -> record.add(DcElement.RELATION, isbd(joined(field, "av", " ")));
            case "506", "540" -> subfields(field, "au").forEach(a -> record.add(DcElement.RIGHTS, a));
            case "300" -> subfields(field, 'a').forEach(a -> record.add(DcElement.FORMAT, isbd(a)));
            default -> {
                // control numbers, classification numbers, local fields
            }
        }
    }

    /** The leader's type of record (06) and bibliographic level (07) as a type word the type mapping knows. */
    static String leaderType(String leader) {
        if (leader == null || leader.length() < 8) {
            return null;
        }
        char type = leader.charAt(6);
        char level = leader.charAt(7);
        return switch (type) {
            case 'a', 't' -> switch (level) {
                case 'a' -> "book part";
                case 'b' -> "journal article";
                case 'm' -> "book";
                case 's' -> "periodical";
                default -> "text";
            };
            case 'c', 'd' -> "notated music";
            case 'e', 'f' -> "cartographic";
            case 'g' -> "moving image";
            case 'i', 'j' -> "sound recording";
            case 'k' -> "still image";
            case 'm' -> "computer file";
            case 'p' -> "mixed material";
            default -> null;
        };
    }

    /**
     * The kind of thesis a dissertation note names ({@code Tesis (S2)--Universitas...} is a master thesis,
     * {@code Thesis (Ph. D.)--...} a doctoral one), else {@code thesis}.
     */
    private static String thesisType(String note) {
        CoarTerm term = TypeNormaliser.of(note);
        return term != null && term.label() != null && term.label().endsWith("thesis") ? term.label() : "thesis";
    }

    /** 1XX are creators; 7XX too unless a relator ($e, $4) says editor, advisor, translator... */
    private static void readName(String tag, XmlElement field, DcRecordBuilder record) {
        String name = isbdName(joined(field, tag.endsWith("10") || tag.endsWith("11") ? "ab" : "a", ". "));
        if (name == null) {
            return;
        }
        List<String> relators = new ArrayList<>(subfields(field, "e4"));
        boolean author = relators.isEmpty() || relators.stream()
                .anyMatch(r -> AUTHOR_RELATORS.contains(isbd(r).toLowerCase(Locale.ROOT)));
        if (!author) {
            record.add(DcElement.CONTRIBUTOR, name);
            return;
        }
        String affiliation = subfields(field, 'u').stream().findFirst().orElse(null);
        String orcid = subfields(field, "01").stream().filter(v -> v.toLowerCase(Locale.ROOT).contains("orcid"))
                .findFirst().orElse(null);
        record.creator(new Creator(name, affiliation, orcid, false));
    }

    /** 260/264: $b publisher, $c date; 264 with second indicator 4 is a copyright date, not the publication. */
    private static void readImprint(XmlElement field, DcRecordBuilder record) {
        subfields(field, 'b').forEach(b -> record.add(DcElement.PUBLISHER, isbd(b).replaceAll("^\\[|\\]$", "")));
        boolean copyright = field.attribute("tag").orElse("").equals("264")
                && field.attribute("ind2").orElse("").equals("4");
        for (String date : subfields(field, 'c')) {
            record.add(DcElement.DATE, isbd(date));
            if (!copyright) {
                record.citation(Citation.PUBLICATION_DATE, isbd(date));
            }
        }
    }

    /** 041 $a: ISO 639-2 codes, which old records run together ({@code engger}). */
    private static void readLanguages(XmlElement field, DcRecordBuilder record) {
        for (String codes : subfields(field, 'a')) {
            String run = codes.strip();
            for (int i = 0; i + 3 <= run.length() && run.length() % 3 == 0; i += 3) {
                record.add(DcElement.LANGUAGE, run.substring(i, i + 3));
            }
            if (run.length() % 3 != 0) {
                record.add(DcElement.LANGUAGE, run);
            }
        }
    }

    /** 008: the language (35-37) and first date (07-10), used when 041 and 260/264 say nothing. */
    private static void readFixedFields(String fixed, boolean languageGiven, boolean dateGiven,
                                        DcRecordBuilder record) {
        if (!languageGiven && fixed.length() >= 38 && fixed.substring(35, 38).matches("[a-z]{3}")) {
            record.add(DcElement.LANGUAGE, fixed.substring(35, 38));
        }
        if (!dateGiven && fixed.length() >= 11 && fixed.substring(7, 11).matches("\\d{4}")) {
            record.add(DcElement.DATE, fixed.substring(7, 11));
        }
    }

    /** 024 with $2 naming the scheme: a DOI is stated as the record's. */
    private static void readStandardIdentifier(XmlElement field, DcRecordBuilder record) {
        String scheme = subfields(field, '2').stream().findFirst().orElse("").toLowerCase(Locale.ROOT);
        for (String id : subfields(field, 'a')) {
            record.add(DcElement.IDENTIFIER, id);
            if (scheme.equals("doi")) {
                record.citation(Citation.DOI, id);
            }
        }
    }

    /** 856 $u; a PDF ($q application/pdf, or an address ending in .pdf) is the full text. */
    private static void readLink(XmlElement field, DcRecordBuilder record) {
        boolean pdf = subfields(field, 'q').stream().anyMatch(q -> q.toLowerCase(Locale.ROOT).contains("pdf"));
        for (String url : subfields(field, 'u')) {
            record.add(DcElement.IDENTIFIER, url);
            if (pdf || url.strip().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
                record.citation(Citation.FULL_TEXT_URL, url);
            }
        }
    }

    /**
     * 773, the host item: $t (or Invenio's $p) the journal, $x its ISSN, and either Invenio's $v volume, $n issue,
     * $c pages, or a $g such as {@code Vol. 5, no. 2 (2020), p. 10-20}.
     */
    private static void readHost(XmlElement field, DcRecordBuilder record) {
        subfields(field, "tp").stream().findFirst().map(MarcXmlCrosswalk::isbd)
                .ifPresent(t -> record.add(DcElement.SOURCE, t).citation(Citation.JOURNAL_TITLE, t));
        subfields(field, 'x').forEach(x -> record.add(DcElement.SOURCE, x).citation(Citation.ISSN, x));
        subfields(field, 'v').forEach(v -> record.citation(Citation.VOLUME, v));
        subfields(field, 'n').forEach(n -> record.citation(Citation.ISSUE, n));
        for (String pages : subfields(field, 'c')) {
            String[] range = pages.split("\\s*[-\u2013]\\s*");
            record.citation(Citation.FIRST_PAGE, range[0]);
            if (range.length > 1) {
                record.citation(Citation.LAST_PAGE, range[1]);
            }
        }
        for (String g : subfields(field, 'g')) {
            Journal part = JournalNormaliser.fromEnumeration(g);
            record.add(DcElement.SOURCE, g).citation(Citation.VOLUME, part.volume())
                    .citation(Citation.ISSUE, part.issue()).citation(Citation.FIRST_PAGE, part.firstPage())
                    .citation(Citation.LAST_PAGE, part.lastPage());
        }
    }

    /** {@code $a: $b. $n. $p} with ISBD punctuation and the medium ($h, {@code [Elektronische Ressource]}) left out. */
    private static String title(XmlElement field) {
        StringBuilder title = new StringBuilder(isbd(joined(field, "a", " ")));
        String subtitle = isbd(joined(field, "b", " "));
        if (!subtitle.isEmpty()) {
            title.append(": ").append(subtitle);
        }
        for (String part : subfields(field, "np")) {
            title.append(". ").append(isbd(part));
        }
        return title.toString();
    }

    /** A subject heading with its subdivisions: {@code Turkey -- Foreign relations -- Russia}. */
    private static String heading(XmlElement field) {
        String main = isbd(joined(field, "abcdq", " "));
        List<String> parts = new ArrayList<>(List.of(main));
        subfields(field, "vxyz").forEach(s -> parts.add(isbd(s)));
        return String.join(" -- ", parts.stream().filter(p -> !p.isEmpty()).toList());
    }

    private static String joined(XmlElement field, String codes, String separator) {
        return String.join(separator, subfields(field, codes).stream().map(String::strip).toList());
    }

    private static List<String> subfields(XmlElement field, char code) {
        return subfields(field, String.valueOf(code));
    }

    private static List<String> subfields(XmlElement field, String codes) {
        List<String> out = new ArrayList<>();
        for (XmlElement sub : field.elements("subfield")) {
            String code = sub.attribute("code").orElse("");
            if (code.length() == 1 && codes.indexOf(code.charAt(0)) >= 0) {
                out.add(sub.text());
            }
        }
        return out;
    }

    /** Strips the ISBD punctuation that ends a MARC subfield: {@code Der Soldat /} is {@code Der Soldat}. */
    private static String isbd(String value) {
        return ISBD_END.matcher(value.strip()).replaceAll("");
    }

    /** A name keeps the full stop of a final initial ({@code Acciarri, M.}); other ISBD endings go. */
    private static String isbdName(String value) {
        String stripped = value.strip().replaceAll("[\\s,;:/]+$", "");
        if (stripped.isEmpty()) {
            return null;
        }
        return stripped.matches(".*\\b\\p{L}\\.$") ? stripped : stripped.replaceAll("\\.$", "");
    }
}
