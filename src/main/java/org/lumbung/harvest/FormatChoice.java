package org.lumbung.harvest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The metadata format a source with metadataPrefix {@code auto} is harvested in: of the formats the repository lists
 * (ListMetadataFormats), the richest Lumbung has a crosswalk for, in the order of {@link #ORDER} (docs/formats.md
 * gives it and why). A format is recognised by its prefix or, under an unusual prefix, by its
 * namespace.
 */
public final class FormatChoice {

    /** One rung of the order: the prefixes and namespace beginnings that name the format. */
    record Rung(String name, List<String> prefixes, List<String> namespaces) {
        boolean matches(MetadataFormat format) {
            String prefix = format.metadataPrefix() == null ? "" : format.metadataPrefix().toLowerCase(Locale.ROOT);
            String namespace = format.metadataNamespace() == null ? "" : format.metadataNamespace().trim();
            return prefixes.stream().anyMatch(p -> p.startsWith("*")
                    ? prefix.endsWith(p.substring(1)) && !prefix.equals("oai_dc") : p.equals(prefix))
                    || namespaces.stream().anyMatch(namespace::startsWith);
        }
    }

    /** Richest first. */
    static final List<Rung> ORDER = List.of(
            // affiliations with identifiers, ORCIDs, funding, access rights, licences and files, in a standard
            new Rung("OpenAIRE v4", List.of("oai_openaire"), List.of("http://namespace.openaire.eu/schema/oaire/")),
            // creators with ORCIDs and affiliations, typed identifiers and relations, resourceTypeGeneral
            new Rung("DataCite", List.of("oai_datacite", "datacite"),
                    List.of("http://schema.datacite.org/oai/", "http://datacite.org/schema/kernel-")),
            // every field of a DSpace item, with its bitstreams (the PDFs)
            new Rung("DSpace xoai", List.of("xoai"), List.of("http://www.lyncode.com/xoai")),
            new Rung("DSpace dim", List.of("dim"), List.of("http://www.dspace.org/xmlns/dspace/dim")),
            new Rung("RIOXX", List.of("rioxx"), List.of("http://www.rioxx.net/schema/")),
            new Rung("MODS", List.of("mods", "mets"), List.of("http://www.loc.gov/mods/", "http://www.loc.gov/METS/")),
            new Rung("JATS", List.of("jats", "pmc", "pmc_fm"), List.of("https://jats.nlm.nih.gov/ns/")),
            new Rung("MARC 21", List.of("marc21", "marcxml"), List.of("http://www.loc.gov/MARC21/slim")),
            new Rung("qualified Dublin Core", List.of("qdc", "qualifieddc", "*_dc"), List.of()),
            new Rung("Dublin Core", List.of("oai_dc"), List.of("http://www.openarchives.org/OAI/2.0/oai_dc/")));

    private FormatChoice() {
    }

    /** The richest of these formats Lumbung reads, if any. */
    public static Optional<MetadataFormat> richest(List<MetadataFormat> formats) {
        for (Rung rung : ORDER) {
            for (MetadataFormat format : formats) {
                if (format.metadataPrefix() != null && rung.matches(format)) {
                    return Optional.of(format);
                }
            }
        }
        return Optional.empty();
    }
}
