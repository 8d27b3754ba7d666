package org.lumbung.search.cite;

import java.util.List;

/** References the format tests know: a full journal article, a hostile one, and one with nothing but a title. */
final class Examples {

    static final String PAGE = "http://127.0.0.1:8080/record?id=undip-jihi%3A34353";
    /** Markup, script ends, LaTeX and RIS syntax, unbalanced braces and JavaScript's line separators. */
    static final String HOSTILE_TITLE = "</script><script>alert(1)</script> \"Kutip\" {unbalanced 100% & #1_a"
            + " \\end{document} ~^$ \u2028\u2029 ER  - x";

    private Examples() {
    }

    static Reference full() {
        return new Reference("undip-jihi:34353", PAGE,
                "Kebijakan Luar Negeri Turki: Kesepakatan Turki kepada Rusia",
                List.of(Reference.Author.of("Wiku, Falentinoris Yubilio", "0000-0002-1825-0097",
                                "Universitas Diponegoro, Semarang"),
                        Reference.Author.of("Putranti, Ika Riswanti", null, null),
                        Reference.Author.of("Soekarno", null, null)),
                "2021-03-15", "Journal of International Relations", List.of("2797-2747"), "7", "2", "101", "120",
                "10.14710/jihi.2021.34353", List.of("id"), "Konflik Nagorno-Karabakh pecah lagi.",
                List.of("Foreign Policy", "Turki"), "https://ejournal3.undip.ac.id/index.php/jihi/article/view/34353",
                List.of("https://ejournal3.undip.ac.id/index.php/jihi/article/download/34353/1"),
                "https://creativecommons.org/licenses/by/4.0/", true);
    }

    static Reference hostile() {
        return new Reference("repo-b:666", PAGE, HOSTILE_TITLE,
                List.of(Reference.Author.of("Doe} and {Evil, J\\ohn \"Q\"", null, "<b>Lab</b> & Co"),
                        Reference.Author.of("Nasution, Abdul Haris", null, null)),
                "2020", "Jurnal {Ilmu} 50%", List.of(), "1_2", null, "e7", null, "10.1002/(SICI)1097<3>x{y}",
                List.of("ind"), "Baris satu\nER  - \r\nTY  - JOUR <script>", List.of("a%b", "{c}"), null,
                List.of(), null, true);
    }

    static Reference bare() {
        return new Reference("r:1", PAGE, "Hanya judul", List.of(), null, null, List.of(), null, null, null, null,
                null, List.of(), null, List.of(), null, List.of(), null, false);
    }
}
