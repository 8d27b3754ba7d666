package org.lumbung.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lumbung.dc.DcRecord;
import org.lumbung.dc.Provenance;

/**
 * One repository's two identifiers are two items (OAI-PMH 2.0, section 2.4), whatever merge keys their records share:
 * a journal's home page or an issue's DOI in every article's record would otherwise make one document of the whole
 * journal. {@link RecordResolver} keeps them apart as it places records; {@link #apart} parts a document that earlier
 * builds merged that way, for {@code reindex}.
 */
public final class RepositoryItems {

    /** One part of a parted document: the item that began it and its contributions, in their order. */
    public record Part(DcRecord founder, List<DcRecord> records) {
    }

    private RepositoryItems() {
    }

    /**
     * Whether contributions with these keys hold another item of the harvested record's repository, and not the
     * record itself. Pages, and records of other repositories, never do.
     */
    static boolean holdsAnother(Collection<String> heldKeys, Provenance own) {
        if (own.oaiIdentifier() == null || heldKeys.contains(own.key())) {
            return false;
        }
        String repository = "oai:" + own.sourceId() + ":";
        for (String key : heldKeys) {
            if (key.startsWith(repository)) {
                return true;
            }
        }
        return false;
    }

    /**
     * One document's contributions (each a record of one provenance, in the order they joined) parted so that no
     * part holds two items of one repository: the list itself, as the only part, where none does. Otherwise the items
     * of such repositories are placed first, then the other contributions, each the way the resolver places a record:
     * in a part that shares its DOI, else its landing address, else in the first part; never in a part that holds
     * another item of its repository, which starts a part of its own. A key two items of one repository share (the
     * journal's home page, the DOI) places nothing: a page, or a mirror's record, goes with the article whose
     * own address or DOI it shares, wherever it stood. Each part keeps the contributions' order; the part holding the
     * first contribution comes first.
     */
    public static List<Part> apart(List<DcRecord> contributions) {
        Set<String> repositories = repositoriesWithSeveralItems(contributions);
        if (repositories.isEmpty()) {
            return List.of(new Part(contributions.get(0), contributions));
        }
        List<Identity.Keys> keys = new ArrayList<>(contributions.size());
        contributions.forEach(c -> keys.add(c.deleted() ? new Identity.Keys(Set.of(), Set.of()) : Identity.keys(c)));
        Set<String> shared = sharedByItems(contributions, keys);
        List<Placing> parts = new ArrayList<>();
        Placing[] placed = new Placing[contributions.size()];
        for (boolean items : new boolean[] {true, false}) {
            for (int i = 0; i < contributions.size(); i++) {
                Provenance own = contributions.get(i).provenance().get(0);
                if (items == (own.oaiIdentifier() != null && repositories.contains(own.sourceId()))) {
                    placed[i] = place(parts, contributions.get(i), keys.get(i), shared);
                }
            }
        }
        List<Part> out = new ArrayList<>(parts.size());
        for (Placing part : parts) {
            List<DcRecord> records = new ArrayList<>();
            for (int i = 0; i < contributions.size(); i++) {
                if (placed[i] == part) {
                    records.add(contributions.get(i));
                }
            }
            out.add(placed[0] == part ? 0 : out.size(), new Part(part.founder, records));
        }
        return out;
    }

    private static Placing place(List<Placing> parts, DcRecord contribution, Identity.Keys keys, Set<String> shared) {
        Provenance own = contribution.provenance().get(0);
        Placing into = sharing(parts, own, keys.dois(), shared, true);
        into = into != null ? into : sharing(parts, own, keys.urls(), shared, false);
        if (into == null && !parts.isEmpty() && !holdsAnother(parts.get(0).held, own)) {
            into = parts.get(0);
        }
        if (into == null) {
            into = new Placing(contribution);
            parts.add(into);
        }
        into.add(own, keys);
        return into;
    }

    private static Set<String> repositoriesWithSeveralItems(List<DcRecord> contributions) {
        Map<String, String> itemBySource = new HashMap<>();
        Set<String> several = new HashSet<>();
        for (DcRecord contribution : contributions) {
            Provenance p = contribution.provenance().get(0);
            if (p.oaiIdentifier() != null) {
                String item = itemBySource.putIfAbsent(p.sourceId(), p.oaiIdentifier());
                if (item != null && !item.equals(p.oaiIdentifier())) {
                    several.add(p.sourceId());
                }
            }
        }
        return several;
    }

    /** The DOIs and addresses two items of one repository both have. */
    private static Set<String> sharedByItems(List<DcRecord> contributions, List<Identity.Keys> keys) {
        Map<String, String> firstHolder = new HashMap<>();
        Set<String> shared = new HashSet<>();
        for (int i = 0; i < contributions.size(); i++) {
            Provenance p = contributions.get(i).provenance().get(0);
            if (p.oaiIdentifier() == null) {
                continue;
            }
            List<String> all = new ArrayList<>(keys.get(i).dois());
            all.addAll(keys.get(i).urls());
            for (String key : all) {
                String repositoryKey = p.sourceId() + " " + key;
                String holder = firstHolder.putIfAbsent(repositoryKey, p.oaiIdentifier());
                if (holder != null && !holder.equals(p.oaiIdentifier())) {
                    shared.add(key);
                }
            }
        }
        return shared;
    }

    private static Placing sharing(List<Placing> parts, Provenance own, Set<String> keys, Set<String> shared,
                                   boolean dois) {
        for (Placing part : parts) {
            Set<String> theirs = dois ? part.dois : part.urls;
            if (!holdsAnother(part.held, own)
                    && keys.stream().anyMatch(k -> theirs.contains(k) && !shared.contains(k))) {
                return part;
            }
        }
        return null;
    }

    /** A part being put together: the item that began it, its contributions' provenance keys and merge keys. */
    private static final class Placing {
        final DcRecord founder;
        final Set<String> held = new HashSet<>();
        final Set<String> dois = new HashSet<>();
        final Set<String> urls = new HashSet<>();

        Placing(DcRecord founder) {
            this.founder = founder;
        }

        void add(Provenance own, Identity.Keys keys) {
            held.add(own.key());
            dois.addAll(keys.dois());
            urls.addAll(keys.urls());
        }
    }
}
