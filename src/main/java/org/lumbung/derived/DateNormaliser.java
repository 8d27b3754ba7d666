package org.lumbung.derived;

import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates repositories write into W3CDTF at the precision they give: {@code 2021}, {@code 2021-03},
 * {@code 2021-03-15}. It reads ISO 8601 with or without a time ({@code 2021-03-15T00:00:00Z}), compact
 * {@code 20210315}, day-first numeric dates ({@code 21/03/2021}; month-first only when the day cannot be the first
 * number), month names in English, Indonesian, Malay, Dutch, German, French and Spanish ({@code March 2021},
 * {@code 15 Maret 2021}, {@code Mar. 15, 2021}), and catalogue forms ({@code [2021]}, {@code c2021}, {@code ©2021},
 * {@code cop. 2021}, {@code 2021.}). An impossible day or month falls back to the precision that is sound. Anything
 * else gives null; it never throws.
 */
public final class DateNormaliser {

    /** Years a publication date may have. */
    private static final int MIN_YEAR = 1000;
    private static final int MAX_YEAR = 2100;

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})(?:[-/.](\\d{1,2})(?:[-/.](\\d{1,2}))?)?"
                    + "(?:[t ]\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d+)?(?:z|[+-]\\d{2}:?\\d{2})?)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern NUMERIC_DAY_FIRST = Pattern.compile("(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})");
    private static final Pattern RANGE = Pattern.compile("(\\d{4})\\s*[-\u2013/]\\s*(\\d{2}|\\d{4})");
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{1,2}:\\d{2}");
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}]+\\.?|\\d+(?:st|nd|rd|th)?");
    private static final Pattern LONE_YEAR = Pattern.compile("(?<!\\d)(\\d{4})(?!\\d)");
    // Catalogue wrappings: brackets, copyright and circa marks, a trailing full stop or question mark.
    private static final Pattern WRAPPING = Pattern.compile(
            "^(?:\\(c\\)|\\[|\\(|©|copyright|cop\\.?|ca\\.?|circa|c\\.?|p)\\s*"
            + "|[\\])?.]+$");
    private static final Map<String, Integer> MONTHS = months();
    /** The articles of an issue share their date. */
    private static final ValueCache<String> KNOWN = new ValueCache<>(DateNormaliser::read);

    private DateNormaliser() {
    }

    /** The value as a W3CDTF date, or null. */
    public static String w3cdtf(String raw) {
        return raw == null ? null : KNOWN.get(raw);
    }

    private static String read(String raw) {
        String text = raw.strip().toLowerCase(Locale.ROOT);
        if (text.startsWith("info:eu-repo/date/")) {
            // DRIVER's info:eu-repo/date/embargoEnd/2025-01-01 is when an embargo ends, not a publication date.
            return null;
        }
        for (int i = 0; i < 3; i++) {
            String unwrapped = WRAPPING.matcher(text).replaceAll("").strip();
            if (unwrapped.equals(text)) {
                break;
            }
            text = unwrapped;
        }
        if (text.isEmpty()) {
            return null;
        }
        String date = numeric(text);
        return date != null ? date : named(text);
    }

    /** The year of a W3CDTF date. */
    public static int year(String w3cdtf) {
        return Integer.parseInt(w3cdtf.substring(0, 4));
    }

    /** Whether the value carries a time of day: repositories stamp their own events (accessioned, available) so. */
    public static boolean isTimestamp(String raw) {
        return raw != null && TIME.matcher(raw).find();
    }

    private static String numeric(String text) {
        Matcher m = ISO.matcher(text);
        if (m.matches()) {
            return of(m.group(1), m.group(2), m.group(3));
        }
        m = COMPACT.matcher(text);
        if (m.matches()) {
            return of(m.group(1), m.group(2), m.group(3));
        }
        m = NUMERIC_DAY_FIRST.matcher(text);
        if (m.matches()) {
            int first = Integer.parseInt(m.group(1));
            int second = Integer.parseInt(m.group(2));
            // 21/03/2021 is day first (most of the world, Indonesia included); 03/21/2021 can only be month first.
            return second > 12 && first <= 12 ? of(m.group(3), m.group(1), m.group(2))
                    : of(m.group(3), m.group(2), m.group(1));
        }
        m = RANGE.matcher(text);
        if (m.matches()) {
            return of(m.group(1), null, null);
        }
        return null;
    }

    /** Dates with a month name, in any order of day, month and year; or failing all, one lone year in the text. */
    private static String named(String text) {
        String year = null;
        Integer month = null;
        String day = null;
        boolean unknownWord = false;
        Matcher t = TOKEN.matcher(text);
        while (t.find()) {
            String token = t.group();
            if (Character.isDigit(token.charAt(0))) {
                String digits = token.replaceAll("\\D", "");
                if (digits.length() == 4 && year == null) {
                    year = digits;
                } else if (digits.length() <= 2 && day == null) {
                    day = digits;
                } else {
                    unknownWord = true;
                }
            } else {
                Integer named = MONTHS.get(token.endsWith(".") ? token.substring(0, token.length() - 1) : token);
                if (named != null && month == null) {
                    month = named;
                } else {
                    unknownWord = true;
                }
            }
        }
        if (year != null && month != null && !unknownWord) {
            return of(year, month.toString(), day);
        }
        Matcher lone = LONE_YEAR.matcher(text);
        if (lone.find()) {
            String found = lone.group(1);
            return lone.find() ? null : of(found, month == null ? null : month.toString(), null);
        }
        return null;
    }

    /** A W3CDTF date at the precision that is valid, or null when the year is implausible. */
    private static String of(String yearText, String monthText, String dayText) {
        int year = Integer.parseInt(yearText);
        if (year < MIN_YEAR || year > MAX_YEAR) {
            return null;
        }
        if (monthText == null) {
            return yearText;
        }
        int month = Integer.parseInt(monthText);
        if (month < 1 || month > 12) {
            return yearText;
        }
        // Every record's dates pass here: padded by hand, not through String.format, whose parser and formatter
        // cost each call more than the rest of this method (the year is four digits, MIN_YEAR to MAX_YEAR).
        String ym = year + (month < 10 ? "-0" : "-") + month;
        if (dayText == null) {
            return ym;
        }
        int day = Integer.parseInt(dayText);
        if (day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return ym;
        }
        return ym + (day < 10 ? "-0" : "-") + day;
    }

    private static Map<String, Integer> months() {
        String[][] names = {
            {"january", "jan", "januari", "januar", "janvier", "enero", "ene", "janeiro"},
            {"february", "feb", "februari", "februar", "février", "fevrier", "febrero", "fev", "fevereiro"},
            {"march", "mar", "maret", "mac", "maart", "märz", "maerz", "mars", "marzo", "março"},
            {"april", "apr", "avril", "abril", "abr"},
            {"may", "mei", "mai", "mayo", "maio"},
            {"june", "jun", "juni", "juin", "junio", "junho"},
            {"july", "jul", "juli", "julai", "juillet", "julio", "julho"},
            {"august", "aug", "agustus", "ogos", "augustus", "agu", "agt", "ags", "août", "aout", "agosto"},
            {"september", "sep", "sept", "septembre", "septiembre", "setembro"},
            {"october", "oct", "oktober", "okt", "octobre", "octubre", "outubro"},
            {"november", "nov", "novembre", "noviembre", "novembro"},
            {"december", "dec", "desember", "des", "disember", "dezember", "dez", "décembre", "decembre",
                "diciembre", "dic", "dezembro"}};
        Map<String, Integer> months = new java.util.HashMap<>();
        for (int i = 0; i < names.length; i++) {
            for (String name : names[i]) {
                months.putIfAbsent(name, i + 1);
            }
        }
        return Map.copyOf(months);
    }
}
