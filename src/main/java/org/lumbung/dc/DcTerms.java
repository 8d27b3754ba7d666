package org.lumbung.dc;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.lumbung.xml.XmlElement;

/**
 * The DCMI terms (http://purl.org/dc/terms/) and the element each refines ({@code abstract} refines description,
 * {@code issued} date, {@code isPartOf} relation...), and the reading of one Dublin Core element into a record,
 * shared by every format that carries Dublin Core elements: oai_dc, qualified DC, OpenAIRE, RIOXX. Elements are
 * matched by local name, since repositories put them in the wrong namespace or none.
 */
public final class DcTerms {

    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final Map<String, DcElement> REFINES = refinements();

    private DcTerms() {
    }

    /** The element a term is or refines (case-insensitive), or null for terms outside the fifteen (audience...). */
    public static DcElement element(String term) {
        if (term == null) {
            return null;
        }
        DcElement element = REFINES.get(term);
        return element != null ? element : REFINES.get(term.toLowerCase(Locale.ROOT));
    }

    /**
     * Reads one Dublin Core element. The issued date is also the publication date; subjects are split into keywords
     * unless they name a scheme;
     * an identifier typed as a DOI or ISSN ({@code <identifier type="doi">}, as DSpace's qdc writes) is stated so.
     * The language is the element's xml:lang, or a bare {@code lang} attribute (qdc written without namespaces).
     */
    public static void read(XmlElement child, DcRecordBuilder record) {
        String term = child.localName();
        DcElement element = element(term);
        if (element == null) {
            return;
        }
        String text = child.prose();
        String lang = child.lang() != null ? child.lang() : child.attribute("lang").orElse(null);
        String type = child.attribute("type").orElse("").toLowerCase(Locale.ROOT);
        switch (element) {
            case CREATOR -> record.creator(new Creator(text, null, null, false));
            case SUBJECT -> {
                // A subject with a scheme (type="ysa", xsi:type="dcterms:LCSH") is a controlled term, commas and all.
                boolean controlled = !type.isEmpty() || child.attribute(XSI, "type").isPresent();
                if (controlled) {
                    record.add(element, text, lang);
                } else {
                    record.keywords(text, lang);
                }
            }
            case DATE -> {
                record.add(element, text, lang);
                if (term.equalsIgnoreCase("issued")) {
                    record.citation(Citation.PUBLICATION_DATE, text);
                }
            }
            case IDENTIFIER -> {
                record.add(element, text, lang);
                if (type.equals("doi")) {
                    record.citation(Citation.DOI, text);
                } else if (type.equals("issn")) {
                    record.citation(Citation.ISSN, text);
                }
            }
            default -> record.add(element, text, lang);
        }
    }

    private static Map<String, DcElement> refinements() {
        Map<String, DcElement> map = new HashMap<>();
        for (DcElement element : DcElement.values()) {
            map.put(element.term(), element);
        }
        refine(map, DcElement.TITLE, "alternative");
        refine(map, DcElement.DESCRIPTION, "abstract", "tableOfContents");
        refine(map, DcElement.DATE, "created", "issued", "available", "dateAccepted", "dateCopyrighted",
                "dateSubmitted", "modified", "valid");
        refine(map, DcElement.RELATION, "isPartOf", "hasPart", "isVersionOf", "hasVersion", "isReplacedBy", "replaces",
                "isRequiredBy", "requires", "isReferencedBy", "references", "isFormatOf", "hasFormat", "conformsTo");
        refine(map, DcElement.COVERAGE, "spatial", "temporal");
        refine(map, DcElement.RIGHTS, "accessRights", "license", "rightsHolder");
        refine(map, DcElement.FORMAT, "extent", "medium");
        refine(map, DcElement.IDENTIFIER, "bibliographicCitation");
        return Map.copyOf(map);
    }

    private static void refine(Map<String, DcElement> map, DcElement element, String... terms) {
        for (String term : terms) {
            map.put(term.toLowerCase(Locale.ROOT), element);
        }
    }
}
