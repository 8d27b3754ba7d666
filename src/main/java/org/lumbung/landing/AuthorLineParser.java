package org.lumbung.landing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lumbung.dc.Creator;
import org.lumbung.derived.Orcid;

/**
 * Reads the author lines of an article page saved as text, in the shapes OJS themes print them: one author a line as
 * {@code Name - Affiliation} (also with an en or em dash, {@code |} or a tab between), {@code Name, Affiliation} or
 * {@code Name (Affiliation)}; every author in one line ({@code Ani Wijaya, Budi Santoso dan Citra Dewi}); or a name
 * line followed by its affiliation line and its ORCID line. A {@code *} before or after a name (or the words
 * "corresponding author") marks the corresponding author and is not part of the name. E-mail addresses and ORCID iDs
 * anywhere in a line are taken out of it, the ORCID kept. Footnote numbers after names ({@code Ani Wijaya1,2}) pair
 * them with the affiliation lines that begin with the same number.
 */
final class AuthorLineParser {

    private static final Pattern EMAIL = Pattern.compile(
            "(?i)((e-?mail|surel)\\s*:?\\s*)?[<(\\[]?[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+[>)\\]]?");
    private static final Pattern CORRESPONDING_WORDS = Pattern.compile(
            "(?i)[(\\[]?\\s*(corresponding\\s+author|penulis\\s+korespondensi)\\s*[)\\]]?");
    private static final Pattern SEPARATOR = Pattern.compile("\\s+[-\u2013\u2014|]\\s+|\\t+");
    private static final Pattern IN_PARENTHESES = Pattern.compile("(.+?)\\s*\\((.+)\\)");
    private static final Pattern LEFTOVER = Pattern.compile("^[\\s,;|\u2013\u2014-]+|[\\s,;|\u2013\u2014-]+$|\\(\\s*\\)");
    private static final Pattern NAME_LIST = Pattern.compile("\\s*[,;]\\s*|\\s+(and|dan|&)\\s+");
    // Footnote marks after a name: digits (1,2 written 1+2 once the list is split), stars and daggers.
    private static final Pattern MARKS = Pattern.compile("[\\d+*\u2020\u2021]+$");
    private static final Pattern MARK_LIST = Pattern.compile("(?<=\\d)\\s*,\\s*(?=\\d)");
    private static final Pattern MARKED_AFFILIATION = Pattern.compile("(\\d+)\\s*[.)]?\\s*(\\D.*)");
    private static final Pattern AFFILIATION = Pattern.compile("(?iu)\\b(universit\\w*|institut\\w*|department"
            + "|departemen|fakultas|faculty|jurusan|program\\s+studi|prodi|school|sekolah|college|politeknik"
            + "|polytechnic|akademi|academy|cent(er|re)|pusat|laborator\\w*|lembaga|badan|kementerian|ministry"
            + "|hospital|rumah\\s+sakit|stikes|stie|stkip|iain|uin)\\b");

    private final List<Creator> creators = new ArrayList<>();
    private final List<List<String>> marks = new ArrayList<>();

    /** True when a line can only be an author line: a mark, a separator, an e-mail address or an ORCID iD. */
    static boolean looksLikeAuthor(String line) {
        return line.startsWith("*") || SEPARATOR.matcher(line).find() || EMAIL.matcher(line).find()
                || Orcid.firstIn(line) != null;
    }

    /** Reads one line of the author block. */
    void read(String raw) {
        String id = Orcid.firstIn(raw);
        String line = tidy(EMAIL.matcher(Orcid.removedFrom(raw)).replaceAll(" "));
        Matcher marked = MARKED_AFFILIATION.matcher(line);
        if (line.isEmpty()) {
            completeLast(null, id);
        } else if (marked.matches() && marks.stream().anyMatch(m -> m.contains(marked.group(1)))) {
            for (int i = 0; i < creators.size(); i++) {
                if (marks.get(i).contains(marked.group(1))) {
                    complete(i, marked.group(2), null);
                }
            }
        } else if (!creators.isEmpty() && !line.startsWith("*") && !SEPARATOR.matcher(line).find()
                && AFFILIATION.matcher(line.split("[,(]", 2)[0]).find()) {
            // A line whose first part names an institution follows its author's name line.
            completeLast(line, id);
        } else {
            readNames(line, id);
        }
    }

    List<Creator> creators() {
        return List.copyOf(creators);
    }

    private void readNames(String line, String orcid) {
        boolean words = CORRESPONDING_WORDS.matcher(line).find();
        String text = tidy(CORRESPONDING_WORDS.matcher(line).replaceAll(" "));
        String[] parts = SEPARATOR.split(text, 2);
        Matcher parenthesised = IN_PARENTHESES.matcher(text);
        int comma = text.indexOf(',');
        if (parts.length == 2) {
            add(parts[0], parts[1], orcid, words);
        } else if (parenthesised.matches() && AFFILIATION.matcher(parenthesised.group(2)).find()) {
            add(parenthesised.group(1), parenthesised.group(2), orcid, words);
        } else if (comma > 0 && AFFILIATION.matcher(text.substring(comma)).find()
                && !AFFILIATION.matcher(text.substring(0, comma)).find()) {
            add(text.substring(0, comma), text.substring(comma + 1), orcid, words);
        } else {
            String id = orcid;
            for (String name : NAME_LIST.split(MARK_LIST.matcher(text).replaceAll("+"))) {
                add(name, null, id, words);
                id = null;
            }
        }
    }

    private void add(String rawName, String affiliation, String orcid, boolean corresponding) {
        String name = rawName.strip();
        Matcher footnote = MARKS.matcher(name);
        String mark = footnote.find() ? footnote.group() : "";
        boolean starred = name.startsWith("*") || mark.contains("*");
        name = tidy(MARKS.matcher(name).replaceFirst("").replaceFirst("^\\*+", ""));
        if (!name.isEmpty()) {
            String place = affiliation == null ? "" : tidy(affiliation);
            creators.add(new Creator(name, place.isEmpty() ? null : place, orcid, corresponding || starred));
            marks.add(Arrays.asList(mark.replaceAll("[^\\d+]", "").split("\\+")));
        }
    }

    private void completeLast(String affiliation, String orcid) {
        if (!creators.isEmpty()) {
            complete(creators.size() - 1, affiliation, orcid);
        }
    }

    private void complete(int i, String affiliation, String orcid) {
        Creator c = creators.get(i);
        String joined = affiliation == null ? c.affiliation()
                : c.affiliation() == null ? affiliation : c.affiliation() + "; " + affiliation;
        creators.set(i, new Creator(c.name(), joined, c.orcid() != null ? c.orcid() : orcid, c.corresponding()));
    }

    /** Without the separators and empty parentheses that taking addresses out left at its ends. */
    private static String tidy(String text) {
        String previous;
        String current = text.replaceAll("\\s{2,}", " ").strip();
        do {
            previous = current;
            current = LEFTOVER.matcher(current).replaceAll("").strip();
        } while (!current.equals(previous));
        return current;
    }
}
