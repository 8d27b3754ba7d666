package org.lumbung.dc;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.lumbung.derived.CoarTerm;
import org.lumbung.derived.DateNormaliser;
import org.lumbung.derived.Derived;
import org.lumbung.derived.IdentifierNormaliser;
import org.lumbung.derived.IdentifierNormaliser.Identifier;
import org.lumbung.derived.Identifiers;
import org.lumbung.derived.Journal;
import org.lumbung.derived.JournalNormaliser;
import org.lumbung.derived.LanguageNormaliser;
import org.lumbung.derived.Licence;
import org.lumbung.derived.NameNormaliser;
import org.lumbung.derived.OwnDoiExtractor;
import org.lumbung.derived.Person;
import org.lumbung.derived.RightsNormaliser;
import org.lumbung.derived.TypeNormaliser;

/**
 * Derives a record's normalised values from its cleaned Dublin Core and the citation facts its format stated
 * outright, which win over anything parsed out of free values. Total: odd values give no derived value, never an
 * exception.
 */
public final class DcDeriver {

    /**
     * OJS lists an article's galleys in dc:relation as {@code .../article/view/101/88}; the same shape in
     * dc:identifier can be the landing page itself (the seed's {@code .../view/34353/0}), so it counts only there.
     */
    private static final Pattern GALLEY = Pattern.compile("(?i)^https?://\\S+/article/view/[^/]+/[^/]+/?$");
    private static final Pattern ALT_DOI = Pattern.compile("(?i)info:eu-repo/semantics/altIdentifier/doi/(.+)");

    private DcDeriver() {
    }

    public static Derived derive(DcRecord record) {
        String published = published(record);
        List<LanguageNormaliser.Code> languages = new ArrayList<>();
        String languageFrom = languages(record, languages);
        Found found = identifiers(record);
        CoarTerm type = TypeNormaliser.best(record.values(DcElement.TYPE));
        List<String> rights = record.values(DcElement.RIGHTS);
        CoarTerm access = RightsNormaliser.accessRights(rights);
        Licence licence = RightsNormaliser.licence(rights);
        List<String> fullText = fullText(record);
        Derived derived = new Derived(published, published == null ? null : DateNormaliser.year(published),
                languages.stream().map(LanguageNormaliser.Code::iso639_3).toList(),
                languages.stream().map(LanguageNormaliser.Code::iso639_1).filter(c -> c != null).toList(),
                languageFrom, found.doi(), found.identifiers(), type, access, licence, creators(record), fullText,
                journal(record),
                Set.of());
        return derived.withQuality(QualityChecker.flags(record, derived));
    }

    /**
     * The date the format marks as the publication date; else the best of dc:date. A repository stamps its own
     * events with a time of day (DSpace's accessioned and available), so dates without one are preferred; of those
     * the earliest year, since later dates are deposits and modifications, and in that year the most precise.
     */
    static String published(DcRecord record) {
        for (String value : record.citation(Citation.PUBLICATION_DATE)) {
            String date = DateNormaliser.w3cdtf(value);
            if (date != null) {
                return date;
            }
        }
        String bestPlain = null;
        String bestStamped = null;
        for (String value : record.values(DcElement.DATE)) {
            String date = DateNormaliser.w3cdtf(value);
            if (date == null) {
                continue;
            }
            if (DateNormaliser.isTimestamp(value)) {
                bestStamped = better(bestStamped, date);
            } else {
                bestPlain = better(bestPlain, date);
            }
        }
        return bestPlain != null ? bestPlain : bestStamped;
    }

    private static String better(String current, String candidate) {
        if (current == null) {
            return candidate;
        }
        int byYear = Integer.compare(DateNormaliser.year(candidate), DateNormaliser.year(current));
        // January 1st beside the bare year is how systems pad a year into a full date ("2015", "2015-01-01").
        boolean padded = candidate.endsWith("-01-01") && current.length() == 4;
        return byYear < 0 || byYear == 0 && candidate.length() > current.length() && !padded ? candidate : current;
    }

    /** Fills in the record's languages: dc:language, else the first title's (or description's) language. */
    private static String languages(DcRecord record, List<LanguageNormaliser.Code> out) {
        for (String value : record.values(DcElement.LANGUAGE)) {
            for (LanguageNormaliser.Code code : LanguageNormaliser.codes(value)) {
                if (!out.contains(code)) {
                    out.add(code);
                }
            }
        }
        if (!out.isEmpty()) {
            return "metadata";
        }
        for (DcElement element : List.of(DcElement.TITLE, DcElement.DESCRIPTION)) {
            List<DcValue> values = record.elements().getOrDefault(element, List.of());
            if (!values.isEmpty() && values.get(0).lang() != null) {
                LanguageNormaliser.Code code = LanguageNormaliser.code(values.get(0).lang());
                if (code != null) {
                    out.add(code);
                    return values.get(0).detected() ? "detected" : "xml:lang";
                }
            }
        }
        return null;
    }

    /** The identifiers of a record by kind, and its own DOI among them. */
    private record Found(Identifiers identifiers, String doi) {
    }

    /**
     * Every identifier in identifier, relation and source, classified, and the record's own DOI: one the format
     * states, else the first among its identifiers (a citation kept as an identifier may name it inside), else an
     * OpenAIRE alternative identifier, else one that source or relation name unambiguously ({@link OwnDoiExtractor}).
     * Other DOIs in relation and source are other things' (a galley's, an issue's).
     */
    private static Found identifiers(DcRecord record) {
        List<Set<String>> byKind = new ArrayList<>();
        for (int i = 0; i < IdentifierNormaliser.Kind.values().length; i++) {
            byKind.add(new LinkedHashSet<>());
        }
        Set<String> dois = byKind.get(IdentifierNormaliser.Kind.DOI.ordinal());
        String stated = null;
        for (String value : record.citation(Citation.DOI)) {
            String doi = IdentifierNormaliser.doi(value);
            stated = stated == null ? doi : stated;
            if (doi != null) {
                dois.add(doi);
            }
        }
        String own = null;
        String alternative = null;
        for (DcElement element : List.of(DcElement.IDENTIFIER, DcElement.RELATION, DcElement.SOURCE)) {
            for (String value : record.values(element)) {
                String alt = element == DcElement.RELATION ? altDoi(value) : null;
                Identifier id = IdentifierNormaliser.classify(alt != null ? alt : value);
                String doi = id != null && id.kind() == IdentifierNormaliser.Kind.DOI ? id.value() : null;
                if (id != null) {
                    byKind.get(id.kind().ordinal()).add(id.value());
                } else if (element == DcElement.IDENTIFIER) {
                    doi = IdentifierNormaliser.doiInText(value);
                    if (doi != null) {
                        dois.add(doi);
                    }
                }
                own = own == null && element == DcElement.IDENTIFIER ? doi : own;
                alternative = alternative == null && alt != null ? doi : alternative;
            }
        }
        if (stated == null && own == null && alternative == null) {
            own = OwnDoiExtractor.of(record.values(DcElement.SOURCE), record.values(DcElement.RELATION));
            if (own != null) {
                dois.add(own);
            }
        }
        Identifiers identifiers = new Identifiers(List.copyOf(dois), List.copyOf(byKind.get(4)),
                List.copyOf(byKind.get(5)), List.copyOf(byKind.get(1)), List.copyOf(byKind.get(2)),
                List.copyOf(byKind.get(3)), List.copyOf(byKind.get(6)));
        return new Found(identifiers, stated != null ? stated : own != null ? own : alternative);
    }

    /** OpenAIRE v3 puts the record's own DOI in dc:relation as {@code info:eu-repo/semantics/altIdentifier/doi/...}. */
    private static String altDoi(String value) {
        if (!value.startsWith("info:eu-repo")) {
            return null;
        }
        var m = ALT_DOI.matcher(value);
        return m.matches() ? m.group(1) : null;
    }

    private static List<Person> creators(DcRecord record) {
        List<Person> people = new ArrayList<>(record.creators().size());
        for (Creator creator : record.creators()) {
            String name = NameNormaliser.familyGiven(creator.name());
            if (name != null) {
                people.add(new Person(name, creator.affiliation(), NameNormaliser.orcid(creator.orcid())));
            }
        }
        return people;
    }

    private static List<String> fullText(DcRecord record) {
        Set<String> out = new LinkedHashSet<>(record.citation(Citation.FULL_TEXT_URL));
        for (String value : record.values(DcElement.IDENTIFIER)) {
            if (isFullText(value)) {
                out.add(value);
            }
        }
        for (String value : record.values(DcElement.RELATION)) {
            if (isFullText(value) || value.contains("/article/view/") && GALLEY.matcher(value).matches()) {
                out.add(value);
            }
        }
        return List.copyOf(out);
    }

    /** A PDF ({@code .pdf}, a {@code ?pdf=render} rendering) or an OJS download address. */
    private static boolean isFullText(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return false;
        }
        int end = lower.length();
        for (char c : new char[] {'?', '#'}) {
            int at = lower.indexOf(c);
            end = at >= 0 ? Math.min(end, at) : end;
        }
        return lower.startsWith(".pdf", end - 4) || lower.contains("/article/download/")
                || lower.contains("pdf=render") || lower.contains("format=pdf");
    }

    /** Citation facts first; what they leave open, from an OJS-style dc:source. */
    private static Journal journal(DcRecord record) {
        Journal parsed = Journal.NONE;
        List<String> sourceIssns = new ArrayList<>();
        for (String source : record.values(DcElement.SOURCE)) {
            if (parsed.isEmpty()) {
                parsed = JournalNormaliser.fromSource(source);
            }
            String issn = source.length() < 40 ? IdentifierNormaliser.issn(source) : null;
            if (issn != null && !sourceIssns.contains(issn)) {
                sourceIssns.add(issn);
            }
        }
        List<String> issns = new ArrayList<>();
        for (String value : record.citation(Citation.ISSN)) {
            String issn = IdentifierNormaliser.issn(value);
            if (issn != null && !issns.contains(issn)) {
                issns.add(issn);
            }
        }
        String firstPage = first(record, Citation.FIRST_PAGE, parsed.firstPage());
        String lastPage = JournalNormaliser.lastPage(firstPage, first(record, Citation.LAST_PAGE, parsed.lastPage()));
        Journal journal = new Journal(first(record, Citation.JOURNAL_TITLE, parsed.title()),
                issns.isEmpty() ? sourceIssns : issns, first(record, Citation.VOLUME, parsed.volume()),
                first(record, Citation.ISSUE, parsed.issue()), firstPage, lastPage);
        return journal.isEmpty() ? Journal.NONE : journal;
    }

    private static String first(DcRecord record, Citation fact, String fallback) {
        List<String> values = record.citation(fact);
        return values.isEmpty() ? fallback : values.get(0);
    }
}
