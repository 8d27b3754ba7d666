package org.lumbung.crosswalk;

import java.util.Locale;
import java.util.Optional;
import org.lumbung.dc.Citation;
import org.lumbung.dc.Creator;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecordBuilder;
import org.lumbung.xml.XmlElement;

/**
 * DataCite metadata, kernels 2.2 to 4.x: bare ({@code datacite}) or inside DataCite's OAI wrapper
 * ({@code oai_datacite}: {@code <oai_datacite><payload><resource>}). Creators keep their ORCID and affiliation,
 * {@code resourceTypeGeneral} and the free resource type both become types, the {@code Issued} date (failing it, the
 * publication year) is the publication date, an {@code IsPartOf} ISSN and a 4.4 {@code relatedItem} the article
 * was published in are its journal. OpenAIRE v4 uses the same elements, so {@link OpenAireCrosswalk} reads its
 * {@code datacite:} children through {@link #readElement}.
 */
public final class DataCiteCrosswalk implements Crosswalk {

    @Override
    public boolean accepts(String metadataPrefix, String rootNamespace) {
        String prefix = metadataPrefix == null ? "" : metadataPrefix.toLowerCase(Locale.ROOT);
        return prefix.matches("(oai_)?datacite[0-9]*") || rootNamespace != null
                && (rootNamespace.startsWith("http://datacite.org/schema/kernel-")
                || rootNamespace.startsWith("http://schema.datacite.org/oai/oai-"));
    }

    @Override
    public void read(XmlElement metadata, DcRecordBuilder record) {
        XmlElement resource = resource(metadata).orElse(metadata);
        String publicationYear = null;
        for (XmlElement child : resource.elements()) {
            if (child.localName().equals("publicationYear")) {
                publicationYear = child.text();
            }
            readElement(child, record);
        }
        if (publicationYear != null && !record.hasCitation(Citation.PUBLICATION_DATE)) {
            record.citation(Citation.PUBLICATION_DATE, publicationYear);
        }
    }

    /** The {@code resource} element, wherever the wrapper put it. */
    private static Optional<XmlElement> resource(XmlElement element) {
        if (element.localName().equals("resource")) {
            return Optional.of(element);
        }
        for (XmlElement child : element.elements()) {
            Optional<XmlElement> found = resource(child);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Reads one child of a DataCite resource; a list element ({@code creators}, {@code dates}...) reads its items. */
    void readElement(XmlElement e, DcRecordBuilder record) {
        String lang = e.lang();
        switch (e.localName()) {
            case "creators", "titles", "subjects", "contributors", "dates", "alternateIdentifiers",
                 "relatedIdentifiers", "sizes", "formats", "rightsList", "descriptions", "geoLocations",
                 "relatedItems" -> e.elements().forEach(item -> readElement(item, record));
            case "identifier" -> {
                record.add(DcElement.IDENTIFIER, e.text());
                if (e.attribute("identifierType").orElse("").equalsIgnoreCase("DOI")) {
                    record.citation(Citation.DOI, e.text());
                }
            }
            case "creator" -> record.creator(person(e, "creatorName"));
            case "contributor" -> record.add(DcElement.CONTRIBUTOR, person(e, "contributorName").name());
            case "title" -> record.add(DcElement.TITLE, e.text(), lang);
            case "publisher" -> record.add(DcElement.PUBLISHER, e.text(), lang);
            case "publicationYear" -> record.add(DcElement.DATE, e.text());
            case "subject" -> {
                if (e.attribute("subjectScheme").isPresent()) {
                    record.add(DcElement.SUBJECT, e.text(), lang);
                } else {
                    record.keywords(e.text(), lang);
                }
            }
            case "date" -> {
                record.add(DcElement.DATE, e.text());
                if (e.attribute("dateType").orElse("").equalsIgnoreCase("Issued")) {
                    record.citation(Citation.PUBLICATION_DATE, e.text());
                }
            }
            case "language" -> record.add(DcElement.LANGUAGE, e.text());
            case "resourceType" -> {
                e.attribute("resourceTypeGeneral").ifPresent(general -> record.add(DcElement.TYPE, general));
                record.add(DcElement.TYPE, e.text(), lang);
            }
            case "alternateIdentifier" -> {
                record.add(DcElement.IDENTIFIER, e.text());
                if (e.attribute("alternateIdentifierType").orElse("").equalsIgnoreCase("DOI")) {
                    record.citation(Citation.DOI, e.text());
                }
            }
            case "relatedIdentifier" -> relatedIdentifier(e, record);
            case "size", "format" -> record.add(DcElement.FORMAT, e.text());
            case "rights" -> {
                record.add(DcElement.RIGHTS, e.text(), lang);
                e.attribute("rightsURI").ifPresent(uri -> record.add(DcElement.RIGHTS, uri));
            }
            case "description" -> {
                boolean series = e.attribute("descriptionType").orElse("").equalsIgnoreCase("SeriesInformation");
                record.add(series ? DcElement.SOURCE : DcElement.DESCRIPTION, e.prose(), lang);
            }
            case "geoLocation" -> e.element("geoLocationPlace")
                    .ifPresent(place -> record.add(DcElement.COVERAGE, place.text()));
            case "relatedItem" -> relatedItem(e, record);
            default -> {
                // version, fundingReferences and the rest hold nothing Dublin Core does
            }
        }
    }

    /** A creator: {@code familyName, givenName} where given, else the name as written; ORCID and affiliation. */
    private static Creator person(XmlElement e, String nameElement) {
        Optional<XmlElement> family = e.element("familyName");
        Optional<XmlElement> given = e.element("givenName");
        String name = family.isPresent() && given.isPresent()
                ? family.get().text().strip() + ", " + given.get().text().strip()
                : e.element(nameElement).map(XmlElement::text).orElse(null);
        String orcid = e.elements("nameIdentifier").stream()
                .filter(id -> id.attribute("nameIdentifierScheme").orElse("").equalsIgnoreCase("ORCID"))
                .map(XmlElement::text).findFirst().orElse(null);
        String affiliation = e.element("affiliation")
                .map(a -> a.text().isBlank() ? a.attribute("name").orElse(null) : a.text()).orElse(null);
        return new Creator(name, affiliation, orcid, false);
    }

    /** The ISSN of the journal it is part of is the article's journal; anything else is a relation. */
    private static void relatedIdentifier(XmlElement e, DcRecordBuilder record) {
        String type = e.attribute("relatedIdentifierType").orElse("").toUpperCase(Locale.ROOT);
        String relation = e.attribute("relationType").orElse("");
        if (type.endsWith("ISSN") && relation.equalsIgnoreCase("IsPartOf")) {
            record.citation(Citation.ISSN, e.text()).add(DcElement.SOURCE, e.text());
        } else {
            record.add(DcElement.RELATION, e.text());
        }
    }

    /** Kernel 4.4's relatedItem: the journal an article {@code IsPublishedIn}, with volume, issue and pages. */
    private static void relatedItem(XmlElement e, DcRecordBuilder record) {
        if (!e.attribute("relationType").orElse("").equalsIgnoreCase("IsPublishedIn")) {
            e.element("titles").flatMap(t -> t.element("title"))
                    .ifPresent(title -> record.add(DcElement.RELATION, title.text()));
            return;
        }
        e.element("titles").flatMap(t -> t.element("title")).ifPresent(title -> record
                .citation(Citation.JOURNAL_TITLE, title.text()).add(DcElement.SOURCE, title.text()));
        e.element("relatedItemIdentifier").ifPresent(id -> {
            if (id.attribute("relatedItemIdentifierType").orElse("").toUpperCase(Locale.ROOT).endsWith("ISSN")) {
                record.citation(Citation.ISSN, id.text());
            }
        });
        e.element("volume").ifPresent(v -> record.citation(Citation.VOLUME, v.text()));
        e.element("issue").ifPresent(v -> record.citation(Citation.ISSUE, v.text()));
        e.element("firstPage").ifPresent(v -> record.citation(Citation.FIRST_PAGE, v.text()));
        e.element("lastPage").ifPresent(v -> record.citation(Citation.LAST_PAGE, v.text()));
    }
}
