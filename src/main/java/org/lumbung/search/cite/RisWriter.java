package org.lumbung.search.cite;

import java.util.List;

/**
 * Writes references as RIS: one tagged line per value ({@code TI  - ...}), records from {@code TY} to {@code ER},
 * lines ended by CR LF as the format's specification has them. A value is one line already ({@link Reference}), so
 * harvested text can never start a tag of its own.
 */
public final class RisWriter {

    private RisWriter() {
    }

    public static String write(List<Reference> references) {
        StringBuilder out = new StringBuilder();
        for (Reference r : references) {
            tag(out, "TY", r.journalArticle() ? "JOUR" : "GEN");
            r.authors().forEach(a -> tag(out, "AU", a.name()));
            tag(out, "TI", r.title());
            List<Integer> date = r.dateParts();
            tag(out, "PY", r.year());
            tag(out, "DA", date.size() < 3 ? null : "%04d/%02d/%02d".formatted(date.get(0), date.get(1), date.get(2)));
            tag(out, "JO", r.journal());
            tag(out, "VL", r.volume());
            tag(out, "IS", r.issue());
            tag(out, "SP", r.firstPage());
            tag(out, "EP", r.lastPage());
            r.issn().forEach(i -> tag(out, "SN", i));
            tag(out, "DO", r.doi());
            tag(out, "UR", r.url());
            r.fullText().forEach(u -> tag(out, "L1", u));
            r.languages().forEach(l -> tag(out, "LA", l));
            tag(out, "AB", r.summary());
            r.keywords().forEach(k -> tag(out, "KW", k));
            out.append("ER  - \r\n\r\n");
        }
        return out.toString();
    }

    private static void tag(StringBuilder out, String tag, String value) {
        if (value != null) {
            out.append(tag).append("  - ").append(value).append("\r\n");
        }
    }
}
