package org.lumbung.crosswalk;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.lumbung.dc.Citation;
import org.lumbung.dc.Creator;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecordBuilder;
import org.lumbung.xml.XmlElement;

/**
 * MODS (Library of Congress), bare or inside METS as DSpace, Islandora and CONTENTdm serve it, following the LoC
 * MODS to Dublin Core mapping: names by role (authors are creators, advisors and editors contributors), genre and
 * typeOfResource as types, originInfo's dateIssued as the publication date, the host relatedItem as the source (and,
 * when it is a serial, the journal with its volume, issue and pages), {@code location/url} as identifier (the
 * {@code raw object} as full text; thumbnails left out). A {@code titleInfo} holding its text directly (DSpace at
 * MIT) is read too.
 */
public final class ModsCrosswalk implements Crosswalk {

    public static final String NAMESPACE = "http://www.loc.gov/mods/v3";
    public static final String METS = "http://www.loc.gov/METS/";
    private static final String XLINK = "http://www.w3.org/1999/xlink";
    private static final Set<String> CREATOR_ROLES = Set.of("author", "aut", "creator", "cre", "");
    private static final Set<String> DESCRIPTIVE_NOTES = Set.of("content", "abstract", "summary", "general");

    @Override
    public boolean accepts(String metadataPrefix, String rootNamespace) {
        String prefix = metadataPrefix == null ? "" : metadataPrefix.toLowerCase(Locale.ROOT);
        return prefix.equals("mods") || prefix.equals("mets") || NAMESPACE.equals(rootNamespace)
                || METS.equals(rootNamespace) || "http://www.loc.gov/mods/".equals(rootNamespace);
    }

    @Override
    public void read(XmlElement metadata, DcRecordBuilder record) {
        XmlElement mods = metadata;
        if (metadata.localName().equals("mets")) {
            mods = metsMods(metadata).orElse(metadata);
            readMetsFiles(metadata, record);
        } else if (metadata.localName().equals("modsCollection")) {
            mods = metadata.element("mods").orElse(metadata);
        }
        for (XmlElement e : mods.elements()) {
            readElement(e, record);
        }
    }

    /** METS's descriptive section: the {@code mods} in it, or the MODS elements DSpace puts in xmlData directly. */
    private static Optional<XmlElement> metsMods(XmlElement mets) {
        for (XmlElement dmd : mets.elements("dmdSec")) {
            for (XmlElement wrap : dmd.elements("mdWrap")) {
                if (wrap.attribute("MDTYPE").orElse("MODS").equalsIgnoreCase("MODS")) {
                    Optional<XmlElement> data = wrap.element("xmlData");
                    if (data.isPresent()) {
                        return Optional.of(data.get().element("mods").orElse(data.get()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The PDF files of the item's original or content file group are its full text. */
    private static void readMetsFiles(XmlElement mets, DcRecordBuilder record) {
        mets.element("fileSec").ifPresent(sec -> {
            for (XmlElement group : sec.elements("fileGrp")) {
                String use = group.attribute("USE").orElse("").toUpperCase(Locale.ROOT);
                if (!use.equals("ORIGINAL") && !use.equals("CONTENT")) {
                    continue;
                }
                for (XmlElement file : group.elements("file")) {
                    if (file.attribute("MIMETYPE").orElse("").equalsIgnoreCase("application/pdf")) {
                        file.element("FLocat").flatMap(l -> l.attribute(XLINK, "href"))
                                .ifPresent(href -> record.citation(Citation.FULL_TEXT_URL, href));
                    }
                }
            }
        });
    }

    private static void readElement(XmlElement e, DcRecordBuilder record) {
        String lang = lang(e);
        switch (e.localName()) {
            case "titleInfo" -> record.add(DcElement.TITLE, title(e), lang);
            case "name" -> readName(e, record);
            case "typeOfResource", "genre" -> record.add(DcElement.TYPE, e.text());
            case "originInfo" -> readOriginInfo(e, record);
            case "language" -> e.elements("languageTerm").forEach(t -> record.add(DcElement.LANGUAGE, t.text()));
            case "physicalDescription" -> e.elements().stream()
                    .filter(d -> Set.of("internetMediaType", "extent", "form").contains(d.localName()))
                    .forEach(d -> record.add(DcElement.FORMAT, d.text()));
            case "abstract", "tableOfContents" -> record.add(DcElement.DESCRIPTION, e.prose(), lang);
            case "note" -> {
                if (DESCRIPTIVE_NOTES.contains(e.attribute("type").orElse("").toLowerCase(Locale.ROOT))) {
                    record.add(DcElement.DESCRIPTION, e.text(), lang);
                }
            }
            case "subject" -> readSubject(e, record);
            case "classification" -> record.add(DcElement.SUBJECT, e.text());
            case "relatedItem" -> readRelatedItem(e, record);
            case "part" -> readPart(e, record);
            case "identifier" -> {
                record.add(DcElement.IDENTIFIER, e.text());
                if (e.attribute("type").orElse("").equalsIgnoreCase("doi")) {
                    record.citation(Citation.DOI, e.text());
                }
            }
            case "location" -> readLocation(e, record);
            case "accessCondition" -> {
                record.add(DcElement.RIGHTS, e.text(), lang);
                e.attribute(XLINK, "href").ifPresent(href -> record.add(DcElement.RIGHTS, href));
            }
            default -> {
                // recordInfo, extension and the like describe the catalogue record, not the work
            }
        }
    }

    /** {@code nonSort title: subTitle. partNumber. partName}; or the titleInfo's own text when it has no title. */
    private static String title(XmlElement info) {
        Optional<XmlElement> title = info.element("title");
        if (title.isEmpty()) {
            return info.text();
        }
        String text = info.element("nonSort").map(n -> n.text().strip() + " ").orElse("") + title.get().text().strip();
        text += info.element("subTitle").map(s -> ": " + s.text().strip()).orElse("");
        for (XmlElement part : info.elements()) {
            if (part.localName().equals("partNumber") || part.localName().equals("partName")) {
                text += ". " + part.text().strip();
            }
        }
        return text;
    }

    /** Authors (or no role at all) are creators; advisors, editors and the rest contributors. */
    private static void readName(XmlElement name, DcRecordBuilder record) {
        String written = personName(name);
        if (written == null) {
            return;
        }
        Set<String> roles = name.elements("role").stream().flatMap(r -> r.elements("roleTerm").stream())
                .map(t -> t.text().strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        if (roles.isEmpty() || roles.stream().anyMatch(CREATOR_ROLES::contains)) {
            String affiliation = name.element("affiliation").map(XmlElement::text).orElse(null);
            String orcid = name.elements("nameIdentifier").stream()
                    .filter(i -> i.attribute("type").orElse("").equalsIgnoreCase("orcid"))
                    .map(XmlElement::text).findFirst().orElse(null);
            record.creator(new Creator(written, affiliation, orcid, false));
        } else {
            record.add(DcElement.CONTRIBUTOR, written);
        }
    }

    /** {@code family, given} from typed name parts; otherwise the untyped parts as written. */
    private static String personName(XmlElement name) {
        List<XmlElement> parts = name.elements("namePart");
        Optional<String> family = typed(parts, "family");
        Optional<String> given = typed(parts, "given");
        if (family.isPresent()) {
            return family.get() + given.map(g -> ", " + g).orElse("");
        }
        String untyped = parts.stream().filter(p -> p.attribute("type").isEmpty()).map(p -> p.text().strip())
                .filter(t -> !t.isEmpty()).collect(Collectors.joining(". "));
        return untyped.isEmpty() ? name.element("displayForm").map(XmlElement::text).orElse(null) : untyped;
    }

    private static Optional<String> typed(List<XmlElement> parts, String type) {
        return parts.stream().filter(p -> p.attribute("type").orElse("").equals(type)).map(p -> p.text().strip())
                .filter(t -> !t.isEmpty()).reduce((a, b) -> a + " " + b);
    }

    /** dateIssued is the publication date (the one marked keyDate first); created and copyright dates are dates. */
    private static void readOriginInfo(XmlElement origin, DcRecordBuilder record) {
        List<XmlElement> issued = origin.elements("dateIssued");
        issued.stream().filter(d -> d.attribute("keyDate").orElse("").equals("yes")).findFirst()
                .or(() -> issued.stream().findFirst())
                .ifPresent(d -> record.citation(Citation.PUBLICATION_DATE, d.text()));
        for (XmlElement child : origin.elements()) {
            switch (child.localName()) {
                case "dateIssued", "dateCreated", "copyrightDate" -> record.add(DcElement.DATE, child.text());
                case "publisher" -> record.add(DcElement.PUBLISHER, child.text());
                default -> {
                    // place, edition, issuance, frequency
                }
            }
        }
    }

    /** Topics, names, titles and genres are subjects; places and periods are coverage. */
    private static void readSubject(XmlElement subject, DcRecordBuilder record) {
        for (XmlElement part : subject.elements()) {
            switch (part.localName()) {
                case "topic", "genre", "occupation" -> record.add(DcElement.SUBJECT, part.text(), lang(part));
                case "name" -> record.add(DcElement.SUBJECT, personName(part));
                case "titleInfo" -> record.add(DcElement.SUBJECT, title(part));
                case "geographic", "temporal", "hierarchicalGeographic", "cartographics" ->
                        record.add(DcElement.COVERAGE, part.text().strip().replaceAll("\\s+", " "));
                default -> {
                    // geographicCode and the like are codes, not words
                }
            }
        }
    }

    /** The host is the journal (or book) the item is in: source and citation facts; other relations are relations. */
    private static void readRelatedItem(XmlElement item, DcRecordBuilder record) {
        Optional<String> title = item.element("titleInfo").map(ModsCrosswalk::title);
        if (!item.attribute("type").orElse("").equals("host")) {
            title.or(() -> item.element("location").flatMap(l -> l.element("url")).map(XmlElement::text))
                    .ifPresent(t -> record.add(DcElement.RELATION, t));
            return;
        }
        title.ifPresent(t -> record.add(DcElement.SOURCE, t));
        boolean serial = item.elements("part").stream().anyMatch(p -> !p.elements("detail").isEmpty())
                || item.elements("genre").stream().anyMatch(g -> g.text().matches("(?i).*(journal|periodical|serial).*"))
                || item.element("originInfo").flatMap(o -> o.element("issuance"))
                        .filter(i -> i.text().matches("(?i).*(continuing|serial).*")).isPresent();
        for (XmlElement id : item.elements("identifier")) {
            if (id.attribute("type").orElse("").equalsIgnoreCase("issn")) {
                record.add(DcElement.SOURCE, id.text()).citation(Citation.ISSN, id.text());
                serial = true;
            }
        }
        // A host that is a collection (CONTENTdm's) is no journal.
        if (serial) {
            title.ifPresent(t -> record.citation(Citation.JOURNAL_TITLE, t));
        }
        item.elements("part").forEach(part -> readPart(part, record));
    }

    /** {@code <part><detail type="volume"><number>}, issue likewise, {@code <extent unit="pages"><start><end>}. */
    private static void readPart(XmlElement part, DcRecordBuilder record) {
        for (XmlElement detail : part.elements("detail")) {
            String type = detail.attribute("type").orElse("").toLowerCase(Locale.ROOT);
            Optional<String> number = detail.element("number").map(XmlElement::text);
            if (type.equals("volume")) {
                number.ifPresent(n -> record.citation(Citation.VOLUME, n));
            } else if (type.equals("issue") || type.equals("number")) {
                number.ifPresent(n -> record.citation(Citation.ISSUE, n));
            }
        }
        for (XmlElement extent : part.elements("extent")) {
            if (extent.attribute("unit").orElse("page").toLowerCase(Locale.ROOT).startsWith("page")) {
                extent.element("start").ifPresent(s -> record.citation(Citation.FIRST_PAGE, s.text()));
                extent.element("end").ifPresent(s -> record.citation(Citation.LAST_PAGE, s.text()));
            }
        }
    }

    /** The object in context is the landing page; the raw object the full text; a preview is a thumbnail. */
    private static void readLocation(XmlElement location, DcRecordBuilder record) {
        for (XmlElement url : location.elements("url")) {
            String access = url.attribute("access").orElse("");
            if (access.equals("preview")) {
                continue;
            }
            record.add(DcElement.IDENTIFIER, url.text());
            if (access.equals("raw object")) {
                record.citation(Citation.FULL_TEXT_URL, url.text());
            }
        }
    }

    /** MODS writes a value's language as a plain {@code lang} attribute; xml:lang is allowed too. */
    private static String lang(XmlElement e) {
        return e.attribute("lang").orElse(e.lang());
    }
}
