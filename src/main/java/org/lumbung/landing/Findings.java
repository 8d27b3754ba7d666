package org.lumbung.landing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.lumbung.dc.Citation;
import org.lumbung.dc.Creator;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecordBuilder;
import org.lumbung.dc.DcValue;
import org.lumbung.dc.ValueCleaner;
import org.lumbung.derived.Doi;
import org.lumbung.derived.Orcid;

/**
 * What a page says about its article, gathered before it goes into the record so that the page's schemes can be
 * weighed against each other: values per element with their languages, creators, and publication facts. A value is
 * kept once, where it was first found; a repeat that knows the language lends it to a first that did not. A creator
 * named again (in any order of names: EPrints writes {@code Family, Given}) gains the affiliation and ORCID it lacked.
 */
final class Findings {

    private static final Pattern SEMICOLONS = Pattern.compile("\\s*;\\s*");
    private static final Pattern COMMAS = Pattern.compile("\\s*,\\s*");
    private static final Pattern PAGE_RANGE = Pattern.compile("([^\\s\\-\u2010-\u2015]+)\\s*[-\u2010-\u2015]+\\s*(\\S+)");
    private static final Pattern NOT_A_NAME = Pattern.compile("(?i)^(https?://|www\\.)|@");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_LETTERS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final Map<DcElement, List<DcValue>> values = new EnumMap<>(DcElement.class);
    private final List<Creator> creators = new ArrayList<>();
    private final Map<Citation, List<String>> facts = new EnumMap<>(Citation.class);

    /** Adds a value with its language (null when the page gives none); empties are dropped. */
    Findings add(DcElement element, String raw, String lang) {
        String text = ValueCleaner.clean(raw);
        if (text == null) {
            return this;
        }
        String tag = ValueCleaner.languageTag(lang);
        List<DcValue> list = values.computeIfAbsent(element, e -> new ArrayList<>());
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).text().equals(text)) {
                if (list.get(i).lang() == null && tag != null) {
                    list.set(i, new DcValue(text, tag));
                }
                return this;
            }
        }
        list.add(new DcValue(text, tag));
        return this;
    }

    Findings add(DcElement element, String raw) {
        return add(element, raw, null);
    }

    /** Keywords given in one value: split at semicolons, or at commas when there is no semicolon. */
    Findings keywords(String list, String lang) {
        if (list != null) {
            (list.contains(";") ? SEMICOLONS : COMMAS).splitAsStream(list).forEach(k -> add(DcElement.SUBJECT, k, lang));
        }
        return this;
    }

    /** Adds a creator, or completes the one already named so; a URL, an e-mail address or a number is not a name. */
    Findings creator(Creator creator) {
        String name = ValueCleaner.clean(creator.name());
        if (name == null || NOT_A_NAME.matcher(name).find() || name.codePoints().noneMatch(Character::isLetter)) {
            return this;
        }
        Creator clean = new Creator(name, ValueCleaner.clean(creator.affiliation()), orcid(creator.orcid()),
                creator.corresponding());
        String key = nameKey(name);
        for (int i = 0; i < creators.size(); i++) {
            if (nameKey(creators.get(i).name()).equals(key)) {
                creators.set(i, completed(creators.get(i), clean));
                return this;
            }
        }
        creators.add(clean);
        return this;
    }

    /**
     * Records a publication fact. A first page given as a range ({@code 444-445}, as HAL writes it) gives the last
     * page too; a DOI loses its {@code doi:} or resolver prefix, and what is not a DOI then is not the DOI fact.
     */
    Findings citation(Citation fact, String raw) {
        String text = ValueCleaner.clean(raw);
        if (text == null) {
            return this;
        }
        Matcher range = PAGE_RANGE.matcher(text);
        if (fact == Citation.FIRST_PAGE && range.matches()) {
            citation(Citation.FIRST_PAGE, range.group(1));
            return citation(Citation.LAST_PAGE, range.group(2));
        }
        String value = fact == Citation.DOI ? Doi.unwrapped(text) : text;
        // Project Euclid writes its own id (ade/1391109086) in citation_doi: only a real DOI is the DOI fact.
        if (fact == Citation.DOI && Doi.of(value) == null) {
            return this;
        }
        List<String> list = facts.computeIfAbsent(fact, f -> new ArrayList<>());
        if (!list.contains(value)) {
            list.add(value);
        }
        return this;
    }

    /** A DOI: an identifier as the page writes it, and the DOI fact. */
    Findings doi(String raw) {
        add(DcElement.IDENTIFIER, raw);
        return citation(Citation.DOI, raw);
    }

    /** An identifier, which is also the DOI fact when it is a DOI (bare, {@code doi:} or a resolver address). */
    Findings identifier(String raw) {
        String text = ValueCleaner.clean(raw);
        return text != null && Doi.of(text) != null ? doi(text) : add(DcElement.IDENTIFIER, text);
    }

    boolean has(DcElement element) {
        return values.containsKey(element);
    }

    boolean hasCreators() {
        return !creators.isEmpty();
    }

    /**
     * Takes everything another scheme found: its values after ours. Its creators name the authors only when we have
     * none; otherwise they complete ours (a later scheme's different spelling of a name would repeat an author).
     */
    void include(Findings other) {
        other.values.forEach((element, list) -> list.forEach(v -> add(element, v.text(), v.lang())));
        if (creators.isEmpty()) {
            other.creators.forEach(this::creator);
        } else {
            other.creators.forEach(this::completeMatching);
        }
        other.facts.forEach((fact, list) -> list.forEach(v -> citation(fact, v)));
    }

    /** Takes from a weaker scheme only what we lack: elements, creators and facts we have none of. */
    void fillGaps(Findings other) {
        other.values.forEach((element, list) -> {
            if (!has(element)) {
                list.forEach(v -> add(element, v.text(), v.lang()));
            }
        });
        if (creators.isEmpty()) {
            other.creators.forEach(this::creator);
        }
        other.facts.forEach((fact, list) -> {
            if (!facts.containsKey(fact)) {
                list.forEach(v -> citation(fact, v));
            }
        });
    }

    /** Drops subjects that only repeat the type: DSpace lists the item's type among its citation_keywords. */
    void dropTypesFromSubjects() {
        List<DcValue> subjects = values.get(DcElement.SUBJECT);
        if (subjects != null) {
            List<String> types = values.getOrDefault(DcElement.TYPE, List.of()).stream()
                    .map(t -> t.text().toLowerCase(Locale.ROOT)).toList();
            subjects.removeIf(s -> types.contains(s.text().toLowerCase(Locale.ROOT)));
            if (subjects.isEmpty()) {
                values.remove(DcElement.SUBJECT);
            }
        }
    }

    void writeTo(DcRecordBuilder record) {
        creators.forEach(record::creator);
        values.forEach((element, list) -> list.forEach(v -> record.add(element, v.text(), v.lang())));
        facts.forEach((fact, list) -> list.forEach(v -> record.citation(fact, v)));
    }

    /** An ORCID in its bare form ({@code 0000-0002-1825-0097}) whatever the page wrapped it in, else as given. */
    static String orcid(String raw) {
        String text = ValueCleaner.clean(raw);
        if (text == null) {
            return null;
        }
        String orcid = Orcid.firstIn(text);
        return orcid != null ? orcid : text;
    }

    private void completeMatching(Creator other) {
        String key = nameKey(other.name());
        if (creators.stream().anyMatch(c -> nameKey(c.name()).equals(key))) {
            creator(other);
        }
    }

    private static Creator completed(Creator first, Creator later) {
        return new Creator(first.name(), first.affiliation() != null ? first.affiliation() : later.affiliation(),
                first.orcid() != null ? first.orcid() : later.orcid(), first.corresponding() || later.corresponding());
    }

    /** The name's words, without accents, case or order: {@code Putri, Rahmawati} is {@code Rahmawati Putri}. */
    private static String nameKey(String name) {
        String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        return Arrays.stream(NON_LETTERS.split(plain.toLowerCase(Locale.ROOT)))
                .filter(w -> !w.isEmpty()).sorted().collect(Collectors.joining(" "));
    }
}
