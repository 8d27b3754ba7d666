package org.lumbung.search.cite;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes references as BibTeX: one {@code @article} (or {@code @misc} for what is not a journal article) each, every
 * value in braces. Text keeps its non-ASCII letters as UTF-8 (biber, pybtex and Zotero read them); LaTeX's special
 * characters are escaped, braces as {@code \textbraceleft{}} because BibTeX counts a {@code \{} as an open brace too
 * and would end the value elsewhere. DOI and URL are verbatim in biblatex: they are not escaped, and the few characters
 * that could break the entry there are percent-encoded.
 */
public final class BibtexWriter {

    private static final Pattern AND = Pattern.compile("(?i)(^|\\s)and(\\s|$)");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private BibtexWriter() {
    }

    public static String write(List<Reference> references) {
        StringBuilder out = new StringBuilder();
        Set<String> keys = new HashSet<>();
        for (Reference r : references) {
            out.append('@').append(r.journalArticle() ? "article" : "misc").append('{').append(key(r, keys))
                    .append(",\n");
            field(out, "title", text(r.title()));
            field(out, "author", r.authors().isEmpty() ? null : r.authors().stream().map(BibtexWriter::name)
                    .collect(Collectors.joining(" and ")));
            List<Integer> date = r.dateParts();
            field(out, "year", date.isEmpty() ? null : date.get(0).toString());
            field(out, "month", date.size() < 2 ? null : date.get(1).toString());
            field(out, "journal", text(r.journal()));
            field(out, "volume", text(r.volume()));
            field(out, "number", text(r.issue()));
            field(out, "pages", r.firstPage() == null ? null
                    : text(r.firstPage()) + (r.lastPage() == null ? "" : "--" + text(r.lastPage())));
            field(out, "issn", r.issn().isEmpty() ? null : text(String.join(", ", r.issn())));
            field(out, "doi", verbatim(r.doi()));
            field(out, "url", verbatim(r.url()));
            field(out, "language", r.languages().isEmpty() ? null : text(String.join(", ", r.languages())));
            field(out, "abstract", text(r.summary()));
            field(out, "keywords", r.keywords().isEmpty() ? null : text(String.join(", ", r.keywords())));
            out.setLength(out.length() - 2);
            out.append("\n}\n\n");
        }
        return out.toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        if (value != null) {
            out.append("  ").append(name).append(" = {").append(value).append("},\n");
        }
    }

    /**
     * Family and given names as BibTeX reads them. A name without that form is braced whole, so it stays one name; so
     * is a part with the word {@code and} in it, which BibTeX would otherwise take for the next author.
     */
    private static String name(Reference.Author a) {
        return a.family() == null ? "{" + text(a.name()) + "}" : part(a.family()) + ", " + part(a.given());
    }

    private static String part(String name) {
        return AND.matcher(name).find() ? "{" + text(name) + "}" : text(name);
    }

    /** Text with LaTeX's special characters escaped. */
    static String text(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '{' -> out.append("\\textbraceleft{}");
                case '}' -> out.append("\\textbraceright{}");
                case '\\' -> out.append("\\textbackslash{}");
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                case '%', '&', '#', '_', '$' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** An address or DOI as it is, but for the characters that would end or unbalance the value. */
    static String verbatim(String value) {
        if (value == null) {
            return null;
        }
        return value.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D").replace(" ", "%20");
    }

    /**
     * A key readers can type: the first author's family name, the year and the title's first word, in ASCII letters
     * and digits ({@code wiku2021kebijakan}); {@code a}, {@code b}, ... after it when the list has it already.
     */
    static String key(Reference r, Set<String> taken) {
        String who = r.authors().isEmpty() ? "" : ascii(r.authors().get(0).family() != null
                ? r.authors().get(0).family() : r.authors().get(0).name().split(" ")[0]);
        Matcher first = r.title() == null ? null : WORD.matcher(r.title());
        String word = first != null && first.find() ? ascii(first.group()) : "";
        String base = who + (r.year() == null ? "" : r.year()) + word;
        base = base.isEmpty() ? "record" : base;
        String key = base;
        for (int i = 0; !taken.add(key); i++) {
            key = base + suffix(i);
        }
        return key;
    }

    private static String suffix(int i) {
        return i < 26 ? String.valueOf((char) ('a' + i)) : Integer.toString(i);
    }

    private static String ascii(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("[^A-Za-z0-9]", "")
                .toLowerCase(Locale.ROOT);
    }
}
