package org.lumbung.index;

import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecord;
import org.lumbung.derived.WorkKey;

/**
 * Which work a record is a version of. A record with a DOI is the work {@code doi:<doi>}. One without takes the work of
 * a record with a DOI whose title key ({@link WorkKey}: title, first creator's family name, year) is its own, when
 * exactly one DOI has that title key ({@link WorkResolver} looks it up); else it is the work {@code title:<title key>},
 * shared with every copy that has that key and no DOI; and a record without a title key is a work of its own,
 * {@code id:<document id>}. Documents are never merged for this: a wrong group is fixed by a rule change and
 * {@code reindex}.
 */
public final class Works {

    public static final String DOI = "doi:";
    public static final String TITLE = "title:";
    public static final String ID = "id:";

    private Works() {
    }

    /** The record's work by its own values alone, before a look-up for a DOI with its title key. */
    public static IndexDocument.Work own(String id, DcRecord record) {
        String title = titleKey(record);
        if (record.derived().doi() != null) {
            return new IndexDocument.Work(DOI + record.derived().doi(), title);
        }
        return ofTitle(id, title);
    }

    /** The record's work by its title key (or its own id) alone, whatever DOI it has. */
    public static IndexDocument.Work ofTitle(String id, DcRecord record) {
        return ofTitle(id, titleKey(record));
    }

    private static IndexDocument.Work ofTitle(String id, String title) {
        return new IndexDocument.Work(title != null ? TITLE + title : ID + id, title);
    }

    /** The record's title key, or null. */
    public static String titleKey(DcRecord record) {
        var titles = record.values(DcElement.TITLE);
        var creators = record.derived().creators();
        return WorkKey.of(titles.isEmpty() ? null : titles.get(0), creators.isEmpty() ? null : creators.get(0).name(),
                record.derived().publishedYear());
    }

    /** Whether a work key is a DOI's: a copy without a DOI may take it; a title's or a document's it may not. */
    public static boolean isDoi(String key) {
        return key != null && key.startsWith(DOI);
    }
}
