package org.lumbung.dc;

import java.util.EnumSet;
import java.util.Set;
import org.lumbung.derived.Derived;
import org.lumbung.derived.QualityFlag;
import org.lumbung.derived.RightsNormaliser;

/** What a record lacks, judged from its Dublin Core and what was derived from it. */
final class QualityChecker {

    private QualityChecker() {
    }

    static Set<QualityFlag> flags(DcRecord record, Derived d) {
        Set<QualityFlag> flags = EnumSet.noneOf(QualityFlag.class);
        flag(flags, QualityFlag.NO_TITLE, !record.elements().containsKey(DcElement.TITLE));
        flag(flags, QualityFlag.NO_CREATOR, !record.elements().containsKey(DcElement.CREATOR));
        boolean dated = record.elements().containsKey(DcElement.DATE)
                || !record.citation(Citation.PUBLICATION_DATE).isEmpty();
        flag(flags, QualityFlag.NO_DATE, !dated);
        flag(flags, QualityFlag.UNPARSED_DATE, dated && d.published() == null);
        flag(flags, QualityFlag.NO_IDENTIFIER, !record.elements().containsKey(DcElement.IDENTIFIER));
        flag(flags, QualityFlag.NO_PERSISTENT_IDENTIFIER, d.doi() == null && !d.identifiers().hasHandleUrnOrArk());
        flag(flags, QualityFlag.NO_DOI, d.doi() == null);
        flag(flags, QualityFlag.NO_ABSTRACT, !record.elements().containsKey(DcElement.DESCRIPTION));
        flag(flags, QualityFlag.NO_SUBJECT, !record.elements().containsKey(DcElement.SUBJECT));
        flag(flags, QualityFlag.NO_TYPE, d.type() == null);
        flag(flags, QualityFlag.NO_LANGUAGE, d.languages().isEmpty());
        flag(flags, QualityFlag.NO_ACCESS_RIGHTS, d.accessRights() == null);
        flag(flags, QualityFlag.NO_LICENCE, d.licence() == null);
        boolean closed = d.accessRights() != null && !d.accessRights().equals(RightsNormaliser.OPEN);
        flag(flags, QualityFlag.NO_OPEN_FULL_TEXT, d.fullText().isEmpty() || closed);
        return flags;
    }

    private static void flag(Set<QualityFlag> flags, QualityFlag flag, boolean raised) {
        if (raised) {
            flags.add(flag);
        }
    }
}
