package org.lumbung.derived;

/**
 * Punctuation that ends a sentence around an identifier, not the identifier: a citation writes
 * {@code (doi:10.1234/abc).}, and the {@code ).} belongs to the sentence. Shared by the DOI, Handle and ARK rules.
 */
final class TrailingPunctuation {

    private static final String TRAILING = ".,;:)]}>'\"\u3009\u27e9";

    private TrailingPunctuation() {
    }

    /** The text without its trailing sentence punctuation; a bracket closing one opened inside the text stays. */
    static String trim(String text) {
        int end = text.length();
        while (end > 0 && TRAILING.indexOf(text.charAt(end - 1)) >= 0) {
            char c = text.charAt(end - 1);
            // A closing bracket that closes one opened inside the DOI stays: 10.1016/S0370-2693(00)00889-3.
            if ((c == ')' && opens(text, end, '(', ')')) || (c == ']' && opens(text, end, '[', ']'))) {
                break;
            }
            end--;
        }
        return text.substring(0, end);
    }

    private static boolean opens(String text, int end, char open, char close) {
        int depth = 0;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            depth += c == open ? 1 : c == close ? -1 : 0;
        }
        return depth >= 0;
    }
}
