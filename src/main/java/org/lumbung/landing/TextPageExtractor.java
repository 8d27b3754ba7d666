package org.lumbung.landing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lumbung.dc.Creator;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecordBuilder;

/**
 * Reads the plain-text dump of an Open Journal Systems article page (what a browser's "save as text" or a text
 * crawler gives): the title, then one line per author ({@code Name - Affiliation}, a leading {@code *} marking the
 * corresponding author), then sections headed Abstract / Abstrak, Keywords / Kata Kunci, Citation Format and the like.
 * Sections may be empty; theme chrome such as "skip to main content" and "Article Metrics" is ignored.
 */
public final class TextPageExtractor implements PageExtractor {

    private enum Section { HEAD, ABSTRACT, KEYWORDS, CITATION, IGNORED }

    private record Heading(Section section, String inlineText) {
    }

    private static final Pattern HEADING = Pattern.compile(
            "(?i)^(abstract|abstrak|keywords?|kata\\s+kunci|citation\\s+format|how\\s+to\\s+cite|cara\\s+mengutip"
                    + "|fulltext\\s+view\\s*\\|\\s*download|full\\s*text|article\\s+metrics|metrics|last\\s+update"
                    + "|no\\s+citation\\s+recorded\\.?|references|daftar\\s+pustaka|refbacks|downloads?"
                    + "|article\\s+info|copyright|license|lisensi)\\s*(:\\s*(.*))?$");
    private static final Pattern CHROME = Pattern.compile(
            "(?i)^(skip to (main )?content|skip to main navigation|open menu|toggle navigation)$");
    private static final Pattern AUTHOR = Pattern.compile("^(\\*)?\\s*(.+?)\\s+[-\u2013\u2014]\\s+(.+)$");
    private static final Pattern NBSP = Pattern.compile("[\u00A0\u2007\u202F\u200B\uFEFF]");
    private static final Pattern KEYWORD_SPLIT = Pattern.compile("\\s*[;,]\\s*");

    @Override
    public String format() {
        return "text";
    }

    @Override
    public void read(LandingPage page, DcRecordBuilder record) {
        List<String> head = new ArrayList<>();
        List<String> abstracts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        List<String> keywords = new ArrayList<>();
        List<String> citation = new ArrayList<>();
        Section section = Section.HEAD;
        for (String raw : page.content().split("\\R")) {
            // Pages are full of no-break spaces (OJS writes "Name&nbsp;-&nbsp;Affiliation").
            String line = NBSP.matcher(raw).replaceAll(" ").strip();
            if (CHROME.matcher(line).matches()) {
                continue;
            }
            Heading heading = heading(line);
            if (heading != null) {
                closeParagraph(section, current, abstracts);
                section = heading.section();
                String inline = heading.inlineText();
                switch (section) {
                    case ABSTRACT -> current.append(inline);
                    case KEYWORDS -> addIfPresent(keywords, inline);
                    case CITATION -> addIfPresent(citation, inline);
                    default -> {
                        // a heading whose text is not kept
                    }
                }
                continue;
            }
            switch (section) {
                case HEAD -> head.add(line);
                case ABSTRACT -> current.append(current.isEmpty() || line.isEmpty() ? "" : " ").append(line);
                case KEYWORDS -> addIfPresent(keywords, line);
                case CITATION -> addIfPresent(citation, line);
                default -> {
                    // sections with nothing for the record
                }
            }
        }
        closeParagraph(section, current, abstracts);
        readHead(head, record);
        // Each Abstract/Abstrak section becomes one description; its language is detected from the text.
        abstracts.forEach(a -> record.add(DcElement.DESCRIPTION, a));
        keywords.forEach(k -> KEYWORD_SPLIT.splitAsStream(k).forEach(s -> record.add(DcElement.SUBJECT, s)));
        // A citation of the article is a bibliographic citation, which DCMI files under identifier.
        if (!citation.isEmpty()) {
            record.add(DcElement.IDENTIFIER, String.join(" ", citation));
        }
    }

    private static Heading heading(String line) {
        Matcher m = HEADING.matcher(line);
        if (!m.matches()) {
            return null;
        }
        String word = m.group(1).toLowerCase(Locale.ROOT);
        String inline = m.group(3) == null ? "" : m.group(3).strip();
        Section section;
        if (word.startsWith("abstra")) {
            section = Section.ABSTRACT;
        } else if (word.startsWith("keyword") || word.startsWith("kata")) {
            section = Section.KEYWORDS;
        } else if (word.startsWith("citation") || word.startsWith("how") || word.startsWith("cara")) {
            section = Section.CITATION;
        } else {
            section = Section.IGNORED;
        }
        return new Heading(section, inline);
    }

    /** The head block: the title (its first paragraph), then author lines. */
    private static void readHead(List<String> head, DcRecordBuilder record) {
        int i = 0;
        while (i < head.size() && head.get(i).isEmpty()) {
            i++;
        }
        StringBuilder title = new StringBuilder();
        for (; i < head.size() && !head.get(i).isEmpty() && !AUTHOR.matcher(head.get(i)).matches(); i++) {
            title.append(title.isEmpty() ? "" : " ").append(head.get(i));
        }
        record.add(DcElement.TITLE, title.toString());
        for (; i < head.size(); i++) {
            String line = head.get(i);
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = AUTHOR.matcher(line);
            if (m.matches()) {
                record.creator(new Creator(m.group(2), m.group(3), null, m.group(1) != null));
            } else {
                boolean corresponding = line.startsWith("*");
                record.creator(new Creator(corresponding ? line.substring(1) : line, null, null, corresponding));
            }
        }
    }

    /** Ends an abstract section: its paragraphs, joined, are one description. */
    private static void closeParagraph(Section section, StringBuilder current, List<String> abstracts) {
        if (section == Section.ABSTRACT && !current.isEmpty()) {
            abstracts.add(current.toString());
        }
        current.setLength(0);
    }

    private static void addIfPresent(List<String> list, String line) {
        if (!line.isEmpty()) {
            list.add(line);
        }
    }
}
