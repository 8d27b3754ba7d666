package org.lumbung.landing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sections of an article page saved as text, each recognised by its heading in the words OJS themes use in
 * English and Indonesian. A heading stands alone on its line, or is followed by a colon and the section's first text
 * ({@code Keywords: a, b}); a line that merely begins with the word is not a heading.
 */
enum TextSection {

    /** Before any heading: the title, then the authors. */
    HEAD(null),
    AUTHORS("authors?|penulis|pengarang"),
    ABSTRACT("abstract|abstrak|summary|ringkasan|intisari"),
    KEYWORDS("key\\s*words?|kata[\\s-]+kunci|kata-kata\\s+kunci"),
    CITATION("citation\\s+format|how\\s+to\\s+cite|cite\\s+this\\s+article|cara\\s+(mengutip|sitasi)"),
    DOI("doi"),
    PUBLISHED("published|date\\s+published|diterbitkan|tanggal\\s+terbit"),
    ISSUE("issue|terbitan|edisi"),
    /** Theme chrome and sections with nothing for the record: their text is skipped. */
    IGNORED("fulltext\\s+view\\s*\\|\\s*download|full\\s*text|teks\\s+lengkap|article\\s+metrics|metrics|metrik"
            + "|last\\s+update|no\\s+citation\\s+recorded\\.?|references|daftar\\s+pustaka|referensi|bibliography"
            + "|refbacks|downloads?|unduhan|article\\s+info|article\\s+tools|section|bagian|licen[cs]e|lisensi"
            + "|(copyright|hak\\s+cipta)\\s*(\\(c\\)|©).*|author\\s+biograph(y|ies)|biografi\\s+penulis"
            + "|more\\s+citation\\s+formats|format\\s+kutipan\\s+lainnya|download\\s+citation|unduh\\s+kutipan"
            + "|most\\s+read\\s+articles.*|artikel\\s+(yang\\s+)?paling\\s+banyak\\s+dibaca.*|similar\\s+articles"
            + "|artikel\\s+serupa|abstract\\s+views?.*|make\\s+a\\s+submission|kirim(kan)?\\s+naskah");

    /** A heading found: its section and the text after its colon (empty when none). */
    record Heading(TextSection section, String inlineText) {
    }

    private final Pattern heading;

    TextSection(String words) {
        this.heading = words == null ? null : Pattern.compile("(?i)(" + words + ")\\s*(:\\s*(?<inline>.*))?");
    }

    /** The heading this line is, or null when it is not one. */
    static Heading heading(String line) {
        for (TextSection section : values()) {
            Matcher m = section.heading == null ? null : section.heading.matcher(line);
            if (m != null && m.matches()) {
                return new Heading(section, m.group("inline") == null ? "" : m.group("inline").strip());
            }
        }
        return null;
    }

    /** Sections of a single value (a date, an address): what follows it belongs to no section. */
    boolean singleLine() {
        return this == DOI || this == PUBLISHED || this == ISSUE;
    }
}
