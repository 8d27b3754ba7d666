package org.lumbung.dc;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.lumbung.derived.Derived;

/**
 * One article seen through several sources (an OAI record and its landing page, two aggregators of one journal)
 * becomes one record: the union of what each says, in the order they contributed, each value once; creators matched
 * by name (accents and case aside) with what each source knows of them; one provenance entry per contribution; the
 * derived fields computed again from the union. Contributions that were deleted take only themselves away; a record
 * none is left of is a tombstone.
 */
public final class RecordMerger {

    private RecordMerger() {
    }

    /**
     * The record under {@code id} made of these contributions (live ones, in order). {@code deletions} are the
     * contributions reported deleted; with no live contribution left the record is their tombstone.
     */
    public static DcRecord merge(String id, List<DcRecord> live, List<DcRecord> deletions) {
        if (live.isEmpty()) {
            DcRecord last = deletions.get(deletions.size() - 1);
            List<Provenance> gone = new ArrayList<>();
            deletions.forEach(d -> gone.addAll(d.provenance()));
            return new DcRecord(id, last.sourceId(), last.oai(), Map.of(), List.of(), Map.of(), Derived.NONE, gone, true);
        }
        if (live.size() == 1 && live.get(0).id().equals(id)) {
            return live.get(0);
        }
        Map<DcElement, List<DcValue>> elements = new EnumMap<>(DcElement.class);
        Map<Citation, List<String>> citation = new EnumMap<>(Citation.class);
        Map<String, Creator> creators = new LinkedHashMap<>();
        List<Provenance> provenance = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        OaiInfo oai = null;
        for (DcRecord part : live) {
            part.elements().forEach((element, values) -> values.forEach(v -> {
                if (seen.add(element.ordinal() + "\u0000" + v.text())) {
                    elements.computeIfAbsent(element, e -> new ArrayList<>()).add(v);
                }
            }));
            part.citation().forEach((fact, values) -> values.forEach(v -> {
                List<String> known = citation.computeIfAbsent(fact, f -> new ArrayList<>());
                if (!known.contains(v)) {
                    known.add(v);
                }
            }));
            part.creators().forEach(c -> creators.merge(nameKey(c.name()), c, RecordMerger::combine));
            provenance.addAll(part.provenance());
            oai = oai == null ? part.oai() : oai;
        }
        DcRecord merged = new DcRecord(id, live.get(0).sourceId(), oai, elements, new ArrayList<>(creators.values()),
                citation, Derived.NONE, provenance, false);
        return merged.withDerived(DcDeriver.derive(merged));
    }

    /** One creator known to two sources: the first's name, with what either knows of affiliation and ORCID. */
    private static Creator combine(Creator first, Creator second) {
        return new Creator(first.name(), first.affiliation() != null ? first.affiliation() : second.affiliation(),
                first.orcid() != null ? first.orcid() : second.orcid(), first.corresponding() || second.corresponding());
    }

    /** Names match whatever their order, accents and case: "Wiku, Falentinoris Yubilio" is "Falentinoris Yubilio Wiku". */
    static String nameKey(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        List<String> parts = new ArrayList<>(List.of(folded.split(" ")));
        parts.sort(null);
        return String.join(" ", parts);
    }
}
