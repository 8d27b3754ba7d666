package org.lumbung.crosswalk;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lumbung.dc.Citation;
import org.lumbung.dc.Creator;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecordBuilder;
import org.lumbung.xml.XmlElement;

/**
 * JATS (NLM Journal Article Tag Suite) front matter, as PubMed Central's OAI-PMH serves it ({@code pmc},
 * {@code pmc_fm}) and OJS exports it: the journal (title, ISSNs, publisher), the article's ids, titles, authors with
 * ORCID and affiliation (inline or by {@code xref} to an {@code aff}), publication date, volume, issue, pages,
 * licence, abstracts and keywords. These are citation facts stated outright. The body is not read.
 */
public final class JatsCrosswalk implements Crosswalk {

    private static final String XLINK = "http://www.w3.org/1999/xlink";

    @Override
    public boolean accepts(String metadataPrefix, String rootNamespace) {
        String prefix = metadataPrefix == null ? "" : metadataPrefix.toLowerCase(Locale.ROOT);
        return prefix.equals("pmc") || prefix.equals("pmc_fm") || prefix.equals("jats") || prefix.equals("nlm")
                || rootNamespace != null && (rootNamespace.contains("jats.nlm.nih.gov")
                || rootNamespace.contains("dtd.nlm.nih.gov"));
    }

    @Override
    public void read(XmlElement metadata, DcRecordBuilder record) {
        XmlElement article = metadata.localName().equals("article") ? metadata
                : metadata.element("article").orElse(metadata);
        String lang = article.lang();
        article.attribute("article-type").ifPresent(type -> record.add(DcElement.TYPE, type));
        if (lang != null) {
            record.add(DcElement.LANGUAGE, lang);
        }
        Optional<XmlElement> front = article.element("front");
        front.flatMap(f -> f.element("journal-meta")).ifPresent(journal -> readJournal(journal, record));
        front.flatMap(f -> f.element("article-meta")).ifPresent(meta -> readArticle(meta, lang, record));
    }

    private static void readJournal(XmlElement journal, DcRecordBuilder record) {
        Optional<XmlElement> title = journal.element("journal-title-group").flatMap(g -> g.element("journal-title"))
                .or(() -> journal.element("journal-title"));
        title.ifPresent(t -> record.citation(Citation.JOURNAL_TITLE, t.text()).add(DcElement.SOURCE, t.text()));
        for (XmlElement issn : journal.elements("issn")) {
            record.citation(Citation.ISSN, issn.text()).add(DcElement.SOURCE, issn.text());
        }
        journal.element("publisher").flatMap(p -> p.element("publisher-name"))
                .ifPresent(p -> record.add(DcElement.PUBLISHER, p.text()));
    }

    private static void readArticle(XmlElement meta, String lang, DcRecordBuilder record) {
        for (XmlElement id : meta.elements("article-id")) {
            String type = id.attribute("pub-id-type").orElse("").toLowerCase(Locale.ROOT);
            switch (type) {
                case "doi" -> record.add(DcElement.IDENTIFIER, id.text()).citation(Citation.DOI, id.text());
                case "pmid", "pmc", "pmcid" -> record.add(DcElement.IDENTIFIER, type + ":" + id.text().strip());
                default -> {
                    // publisher-id and other local numbers identify nothing outside the publisher
                }
            }
        }
        meta.element("title-group").ifPresent(group -> readTitles(group, lang, record));
        readContributors(meta, record);
        readDates(meta, record);
        meta.element("volume").ifPresent(v -> record.citation(Citation.VOLUME, v.text()));
        meta.element("issue").ifPresent(v -> record.citation(Citation.ISSUE, v.text()));
        meta.element("fpage").or(() -> meta.element("elocation-id"))
                .ifPresent(v -> record.citation(Citation.FIRST_PAGE, v.text()));
        meta.element("lpage").ifPresent(v -> record.citation(Citation.LAST_PAGE, v.text()));
        meta.element("permissions").ifPresent(p -> readPermissions(p, record));
        for (XmlElement abs : meta.elements()) {
            boolean graphical = abs.attribute("abstract-type").orElse("").equals("graphical");
            if ((abs.localName().equals("abstract") || abs.localName().equals("trans-abstract")) && !graphical) {
                record.add(DcElement.DESCRIPTION, prose(abs), abs.lang() != null ? abs.lang() : lang);
            }
        }
        for (XmlElement group : meta.elements("kwd-group")) {
            for (XmlElement kwd : group.elements("kwd")) {
                record.keywords(kwd.text(), group.lang() != null ? group.lang() : lang);
            }
        }
        for (XmlElement uri : meta.elements("self-uri")) {
            String href = uri.attribute(XLINK, "href").orElse(uri.text());
            if (uri.attribute("content-type").orElse("").contains("pdf") || href.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
                record.citation(Citation.FULL_TEXT_URL, href);
            }
        }
    }

    /** The article title with its subtitle ({@code Title: Subtitle}), then translated titles in their languages. */
    private static void readTitles(XmlElement group, String lang, DcRecordBuilder record) {
        group.element("article-title").ifPresent(title -> {
            String subtitle = group.element("subtitle").map(s -> ": " + s.text().strip()).orElse("");
            record.add(DcElement.TITLE, title.text().strip() + subtitle, title.lang() != null ? title.lang() : lang);
        });
        for (XmlElement trans : group.elements("trans-title-group")) {
            trans.element("trans-title").ifPresent(t -> record.add(DcElement.TITLE, t.text(),
                    t.lang() != null ? t.lang() : trans.lang()));
        }
    }

    private static void readContributors(XmlElement meta, DcRecordBuilder record) {
        Map<String, String> affiliations = new HashMap<>();
        collectAffiliations(meta, affiliations);
        for (XmlElement group : meta.elements("contrib-group")) {
            for (XmlElement contrib : group.elements("contrib")) {
                String name = name(contrib);
                if (name == null) {
                    continue;
                }
                // OJS's JATS export types the group (content-type="author") and calls each contrib a person.
                String type = contrib.attribute("contrib-type").orElse(group.attribute("content-type").orElse("author"));
                if (!type.equals("author") && !(type.equals("person")
                        && group.attribute("content-type").orElse("author").equals("author"))) {
                    record.add(DcElement.CONTRIBUTOR, name);
                    continue;
                }
                String orcid = contrib.elements("contrib-id").stream()
                        .filter(id -> id.attribute("contrib-id-type").orElse("").equalsIgnoreCase("orcid"))
                        .map(XmlElement::text).findFirst().orElse(null);
                String affiliation = contrib.element("aff").map(JatsCrosswalk::affiliation).orElse(null);
                for (XmlElement xref : contrib.elements("xref")) {
                    if (affiliation == null && xref.attribute("ref-type").orElse("").equals("aff")) {
                        affiliation = affiliations.get(xref.attribute("rid").orElse(""));
                    }
                }
                boolean corresponding = contrib.attribute("corresp").orElse("").equals("yes");
                record.creator(new Creator(name, affiliation, orcid, corresponding));
            }
        }
    }

    private static void collectAffiliations(XmlElement parent, Map<String, String> out) {
        for (XmlElement child : parent.elements()) {
            if (child.localName().equals("aff")) {
                child.attribute("id").ifPresent(id -> out.put(id, affiliation(child)));
            } else if (child.localName().equals("contrib-group")) {
                collectAffiliations(child, out);
            }
        }
    }

    /** An affiliation's text without its label (the superscript {@code 1} or {@code a}). */
    private static String affiliation(XmlElement aff) {
        StringBuilder out = new StringBuilder();
        for (Object child : aff.children()) {
            if (child instanceof XmlElement e && !e.localName().equals("label")) {
                out.append(' ').append(e.text());
            } else if (child instanceof String s) {
                out.append(s);
            }
        }
        return out.toString().strip().replaceAll("^,\\s*", "");
    }

    /** {@code Surname, Given-names} from {@code name} or {@code string-name}; a {@code collab} as written. */
    private static String name(XmlElement contrib) {
        Optional<XmlElement> name = contrib.element("name").or(() -> contrib.element("string-name"));
        if (name.isPresent()) {
            Optional<XmlElement> surname = name.get().element("surname");
            Optional<XmlElement> given = name.get().element("given-names");
            if (surname.isPresent()) {
                return surname.get().text().strip() + given.map(g -> ", " + g.text().strip()).orElse("");
            }
            return name.get().text();
        }
        return contrib.element("collab").map(XmlElement::text).orElse(null);
    }

    /** Every pub-date is a date; the electronic or print publication date (else the first) is the publication date. */
    private static void readDates(XmlElement meta, DcRecordBuilder record) {
        String first = null;
        String published = null;
        for (XmlElement date : meta.elements("pub-date")) {
            String w3cdtf = w3cdtf(date);
            if (w3cdtf != null) {
                record.add(DcElement.DATE, w3cdtf);
                first = first == null ? w3cdtf : first;
                String type = date.attribute("pub-type").or(() -> date.attribute("date-type")).orElse("");
                if (published == null && (type.equals("epub") || type.equals("ppub") || type.equals("pub"))) {
                    published = w3cdtf;
                }
            }
        }
        record.citation(Citation.PUBLICATION_DATE, published != null ? published : first);
    }

    private static String w3cdtf(XmlElement date) {
        Optional<String> year = date.element("year").map(y -> y.text().strip());
        if (year.isEmpty() || !year.get().matches("\\d{4}")) {
            return null;
        }
        String month = date.element("month").map(m -> m.text().strip()).filter(m -> m.matches("\\d{1,2}")).orElse(null);
        String day = date.element("day").map(d -> d.text().strip()).filter(d -> d.matches("\\d{1,2}")).orElse(null);
        if (month == null) {
            return year.get();
        }
        String ym = year.get() + "-" + (month.length() == 1 ? "0" + month : month);
        return day == null ? ym : ym + "-" + (day.length() == 1 ? "0" + day : day);
    }

    private static void readPermissions(XmlElement permissions, DcRecordBuilder record) {
        permissions.element("copyright-statement").ifPresent(c -> record.add(DcElement.RIGHTS, c.text()));
        for (XmlElement child : permissions.elements()) {
            if (child.localName().equals("license")) {
                child.attribute(XLINK, "href").ifPresent(href -> record.add(DcElement.RIGHTS, href));
                child.element("license-p").ifPresent(p -> record.add(DcElement.RIGHTS, p.text()));
            } else if (child.localName().equals("license_ref")) {
                record.add(DcElement.RIGHTS, child.text());
            }
        }
    }

    /** The text of an abstract with its sections and paragraphs apart, without its own heading ("Abstract"). */
    private static String prose(XmlElement abstractElement) {
        StringBuilder out = new StringBuilder();
        for (Object child : abstractElement.children()) {
            if (child instanceof XmlElement e && !e.localName().equals("title")) {
                out.append(' ').append(e.prose()).append(' ');
            } else if (child instanceof String s) {
                out.append(s);
            }
        }
        return out.toString();
    }
}
