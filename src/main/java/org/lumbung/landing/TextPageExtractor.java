package org.lumbung.landing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lumbung.dc.Citation;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecordBuilder;
import org.lumbung.derived.Doi;

/**
 * Reads the plain-text dump of an Open Journal Systems article page (what a browser's "save as text" or a text
 * crawler gives), OJS 2 and 3 themes in English and Indonesian alike: the title, then the authors (see
 * {@link AuthorLineParser}), then sections under the headings of {@link TextSection}: Abstract / Abstrak, Keywords /
 * Kata Kunci, How to Cite / Cara Mengutip / Citation Format, DOI, Published / Diterbitkan, Issue / Terbitan, and the
 * ones whose text is skipped (References, Daftar Pustaka, Downloads, Article Metrics...).
 *
 * <p>Tolerant of what real dumps hold: no-break spaces everywhere, empty sections ({@code Citation Format:} with
 * nothing after it, {@code Last update:}, {@code No citation recorded.}), several abstracts (each one description,
 * its language detected later), and the site's navigation before the article, which a breadcrumb trail ({@code Home /
 * Archives / Vol. 12 No. 1 (2023) / Articles}) ends and whose volume and issue are kept.
 */
public final class TextPageExtractor implements PageExtractor {

    private static final Pattern NBSP = Pattern.compile("[\u00A0\u2007\u202F\u200B\uFEFF]");
    private static final Pattern CHROME = Pattern.compile("(?i)skip\\s+to\\s+(the\\s+)?(main\\s+)?(content|navigation"
            + "(\\s+menu)?|site\\s+footer)|lompat\\s+ke\\s+.+|(open|buka)\\s+menu|toggle\\s+navigation"
            + "|(font\\s+size|ukuran\\s+huruf)\\s*:?.*");
    private static final Pattern BREADCRUMB = Pattern.compile("(?i)(home|beranda)\\s*[/>\u203A\u00BB|].*");
    private static final Pattern VOLUME_ISSUE = Pattern.compile(
            "(?i)\\bvol(?:ume)?\\.?\\s*(\\d+)\\s*,?\\s*(?:no|nomor|issue|number)\\.?\\s*(\\d+)");
    private static final Pattern KEYWORD_SPLIT = Pattern.compile("\\s*[;,]\\s*");

    /** What the sections hold while the lines are read. */
    private static final class Dump {
        final List<String> head = new ArrayList<>();
        final List<String> authors = new ArrayList<>();
        final List<String> abstracts = new ArrayList<>();
        final StringBuilder paragraph = new StringBuilder();
        final List<String> keywords = new ArrayList<>();
        final List<String> citation = new ArrayList<>();
        final Findings found = new Findings();
        TextSection section = TextSection.HEAD;
        boolean sectionHasText;
    }

    @Override
    public String format() {
        return "text";
    }

    @Override
    public void read(LandingPage page, DcRecordBuilder record) {
        Dump dump = new Dump();
        for (String raw : page.content().split("\\R")) {
            // Pages are full of no-break spaces (OJS writes "Name&nbsp;-&nbsp;Affiliation").
            String line = NBSP.matcher(raw).replaceAll(" ").strip();
            TextSection.Heading heading = TextSection.heading(line);
            if (CHROME.matcher(line).matches()) {
                continue;
            }
            if (dump.section == TextSection.HEAD && BREADCRUMB.matcher(line).matches()) {
                dump.head.clear();
                volumeAndIssue(line, dump.found);
            } else if (heading != null) {
                closeAbstract(dump);
                dump.section = heading.section();
                dump.sectionHasText = false;
                if (!heading.inlineText().isEmpty()) {
                    take(dump, heading.inlineText());
                }
            } else if (line.isEmpty() && dump.section != TextSection.HEAD) {
                // A blank line ends a keyword list or a citation once it has text; an abstract has paragraphs.
                if (dump.sectionHasText && dump.section != TextSection.ABSTRACT) {
                    dump.section = TextSection.IGNORED;
                }
            } else {
                take(dump, line);
            }
        }
        closeAbstract(dump);
        readHead(dump);
        dump.abstracts.forEach(a -> dump.found.add(DcElement.DESCRIPTION, a));
        dump.keywords.forEach(k -> KEYWORD_SPLIT.splitAsStream(k).forEach(s -> dump.found.add(DcElement.SUBJECT, s)));
        // A citation of the article is a bibliographic citation, which DCMI files under identifier.
        if (!dump.citation.isEmpty()) {
            String citation = String.join(" ", dump.citation);
            dump.found.add(DcElement.IDENTIFIER, citation);
            String doi = Doi.firstIn(citation);
            if (doi != null) {
                dump.found.citation(Citation.DOI, doi);
            }
        }
        dump.found.writeTo(record);
    }

    private static void take(Dump dump, String text) {
        dump.sectionHasText = true;
        switch (dump.section) {
            case HEAD -> dump.head.add(text);
            case AUTHORS -> dump.authors.add(text);
            case ABSTRACT -> dump.paragraph.append(dump.paragraph.isEmpty() ? "" : " ").append(text);
            case KEYWORDS -> dump.keywords.add(text);
            case CITATION -> dump.citation.add(text);
            case DOI -> {
                String doi = Doi.firstIn(text);
                if (doi != null) {
                    dump.found.doi(doi);
                }
            }
            case PUBLISHED -> dump.found.add(DcElement.DATE, text).citation(Citation.PUBLICATION_DATE, text);
            case ISSUE -> volumeAndIssue(text, dump.found);
            case IGNORED -> {
                // chrome, or a section with nothing for the record
            }
        }
        if (dump.section.singleLine()) {
            dump.section = TextSection.IGNORED;
        }
    }

    /** The head: the title (its first paragraph, up to a line only an author line can be), then author lines. */
    private static void readHead(Dump dump) {
        int i = 0;
        while (i < dump.head.size() && dump.head.get(i).isEmpty()) {
            i++;
        }
        StringBuilder title = new StringBuilder();
        for (; i < dump.head.size() && !dump.head.get(i).isEmpty()
                && !AuthorLineParser.looksLikeAuthor(dump.head.get(i)); i++) {
            title.append(title.isEmpty() ? "" : " ").append(dump.head.get(i));
        }
        dump.found.add(DcElement.TITLE, title.toString());
        AuthorLineParser authors = new AuthorLineParser();
        dump.head.subList(i, dump.head.size()).stream().filter(l -> !l.isEmpty()).forEach(authors::read);
        dump.authors.forEach(authors::read);
        authors.creators().forEach(dump.found::creator);
    }

    private static void volumeAndIssue(String text, Findings found) {
        Matcher m = VOLUME_ISSUE.matcher(text);
        if (m.find()) {
            found.citation(Citation.VOLUME, m.group(1)).citation(Citation.ISSUE, m.group(2));
        }
    }

    /** Ends an abstract section: its paragraphs, joined, are one description. */
    private static void closeAbstract(Dump dump) {
        if (dump.section == TextSection.ABSTRACT && !dump.paragraph.isEmpty()) {
            dump.abstracts.add(dump.paragraph.toString());
        }
        dump.paragraph.setLength(0);
    }
}
