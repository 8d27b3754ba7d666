package org.lumbung.dc;

/**
 * One cleaned value of an element and its language: the source's xml:lang (lower case, {@code _} as {@code -}),
 * else the detected ISO 639-1 code ({@code detected} true), else null (unknown).
 */
public record DcValue(String text, String lang, boolean detected) {

    public DcValue(String text, String lang) {
        this(text, lang, false);
    }
}
