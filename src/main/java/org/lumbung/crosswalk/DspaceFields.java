package org.lumbung.crosswalk;

import java.util.Locale;
import java.util.Set;
import org.lumbung.dc.Citation;
import org.lumbung.dc.Creator;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecordBuilder;
import org.lumbung.dc.DcTerms;

/**
 * What DSpace's metadata fields ({@code schema.element.qualifier}) mean in Dublin Core, shared by the two formats
 * that expose them raw: xoai and dim. It follows DSpace's own oai_dc crosswalk, except that the repository's
 * housekeeping is left out (dates accessioned and available, provenance notes), and that it reads the OpenAIRE
 * guidelines' {@code oaire.citation.*} fields as the citation facts they are.
 */
final class DspaceFields {

    /** One field value: {@code dc.contributor.author[en_US] = "Cat, Lily"}; qualifier, lang and authority may be null. */
    record Field(String schema, String element, String qualifier, String lang, String value, String authority) {
    }

    /** Subject schemes whose terms contain commas that are no list separators. */
    private static final Set<String> CONTROLLED = Set.of("lcsh", "mesh", "ddc", "lcc", "udc", "classification",
            "other", "jel", "acm", "fos", "ysa", "agrovoc");

    private DspaceFields() {
    }

    static void read(Field f, DcRecordBuilder record) {
        String schema = lower(f.schema());
        if (schema.equals("dc") || schema.equals("dcterms")) {
            readDc(f, lower(f.element()), lower(f.qualifier()), record);
        } else if (schema.equals("oaire") || schema.equals("datacite")) {
            readOpenAire(f, lower(f.element()), lower(f.qualifier()), record);
        }
    }

    private static void readDc(Field f, String element, String qualifier, DcRecordBuilder record) {
        String value = f.value();
        switch (element) {
            case "contributor", "creator" -> {
                if (element.equals("creator") || qualifier.equals("author")) {
                    record.creator(creator(value, f.authority()));
                } else {
                    record.add(DcElement.CONTRIBUTOR, authorityless(value), f.lang());
                }
            }
            case "date" -> {
                // accessioned and available are when DSpace took the item in, not when it was published.
                if (!qualifier.equals("accessioned") && !qualifier.equals("available")) {
                    record.add(DcElement.DATE, value);
                    if (qualifier.equals("issued")) {
                        record.citation(Citation.PUBLICATION_DATE, value);
                    }
                }
            }
            case "description" -> {
                if (!qualifier.equals("provenance")) {
                    record.add(DcElement.DESCRIPTION, value, f.lang());
                }
            }
            case "identifier" -> {
                record.add(DcElement.IDENTIFIER, value);
                if (qualifier.equals("doi")) {
                    record.citation(Citation.DOI, value);
                } else if (qualifier.equals("issn")) {
                    record.citation(Citation.ISSN, value);
                }
            }
            case "subject" -> {
                if (CONTROLLED.contains(qualifier)) {
                    record.add(DcElement.SUBJECT, value, f.lang());
                } else {
                    record.keywords(value, f.lang());
                }
            }
            default -> {
                DcElement dc = DcTerms.element(element);
                if (dc == null) {
                    dc = DcTerms.element(qualifier);
                }
                if (dc != null) {
                    record.add(dc, value, f.lang());
                }
            }
        }
    }

    /** DSpace 7's OpenAIRE fields: oaire.citation.volume and siblings, oaire.licenseCondition, datacite.rights. */
    private static void readOpenAire(Field f, String element, String qualifier, DcRecordBuilder record) {
        String value = f.value();
        if (element.equals("citation")) {
            switch (qualifier) {
                case "title" -> record.citation(Citation.JOURNAL_TITLE, value).add(DcElement.SOURCE, value, f.lang());
                case "volume" -> record.citation(Citation.VOLUME, value);
                case "issue" -> record.citation(Citation.ISSUE, value);
                case "startpage" -> record.citation(Citation.FIRST_PAGE, value);
                case "endpage" -> record.citation(Citation.LAST_PAGE, value);
                default -> {
                    // conference place and date, edition: nothing Dublin Core holds
                }
            }
        } else if (element.equals("licensecondition") || element.equals("rights")) {
            record.add(DcElement.RIGHTS, value, f.lang());
        } else if (element.equals("subject")) {
            record.add(DcElement.SUBJECT, value, f.lang());
        }
    }

    /**
     * DSpace keeps an author's authority key beside the name, and LA Referencia's xoai writes it into the value:
     * {@code Banda Gallego, Trinidad|||0000-0001-7948-1684}. An ORCID iD in either place becomes the creator's.
     */
    private static Creator creator(String value, String authority) {
        String name = authorityless(value);
        String orcid = null;
        int bar = value.indexOf("|||");
        if (bar >= 0) {
            orcid = value.substring(bar + 3).strip();
        } else if (authority != null && authority.matches("(?i).*\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dx].*")) {
            orcid = authority;
        }
        return new Creator(name, null, orcid, false);
    }

    private static String authorityless(String value) {
        int bar = value.indexOf("|||");
        return bar >= 0 ? value.substring(0, bar) : value;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
