package org.lumbung.search.oai;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A request's OAI-PMH arguments as XOAI takes them: from a GET's query string, or from a POST's form, which arrives
 * as its raw text or, where the HTTP server has read it already, as a map of its fields; repeated arguments are kept
 * (XOAI answers them with badArgument), and day-granularity from/until are read as seconds.
 */
final class OaiArguments {

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private OaiArguments() {
    }

    static Map<String, String[]> of(String rawQuery, Object form) {
        Map<String, List<String>> arguments = new LinkedHashMap<>();
        parse(rawQuery, arguments);
        if (form instanceof Map<?, ?> fields) {
            fields.forEach((name, value) -> {
                List<String> values = arguments.computeIfAbsent(String.valueOf(name), k -> new ArrayList<>());
                if (value instanceof List<?> list) {
                    list.forEach(v -> values.add(String.valueOf(v)));
                } else {
                    values.add(String.valueOf(value));
                }
            });
        } else if (form instanceof String text) {
            parse(text, arguments);
        }
        dayGranularity(arguments);
        Map<String, String[]> parameters = new HashMap<>();
        arguments.forEach((k, v) -> parameters.put(k, v.toArray(String[]::new)));
        return parameters;
    }

    /**
     * Every repository must take from and until at day granularity, also one whose granularity is seconds: a day is
     * read as its first (from) or last (until) second, an until no later than now. A day beside a second is left as
     * it came, so that XOAI answers badArgument (the protocol wants both at one granularity), not a window.
     */
    private static void dayGranularity(Map<String, List<String>> arguments) {
        if (arguments.containsKey("from") && arguments.containsKey("until")
                && isDay(arguments.get("from")) != isDay(arguments.get("until"))) {
            return;
        }
        for (String name : List.of("from", "until")) {
            List<String> values = arguments.get(name);
            if (isDay(values)) {
                String day = values.get(0);
                String value = day + (name.equals("from") ? "T00:00:00Z" : "T23:59:59Z");
                Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                try {
                    if (name.equals("until") && Instant.parse(value).isAfter(now)) {
                        value = now.toString();
                    }
                } catch (java.time.format.DateTimeParseException e) {
                    continue;
                }
                values.set(0, value);
            }
        }
    }

    private static boolean isDay(List<String> values) {
        return values != null && values.size() == 1 && DAY.matcher(values.get(0)).matches();
    }

    private static void parse(String raw, Map<String, List<String>> into) {
        if (raw == null || raw.isBlank()) {
            return;
        }
        for (String pair : raw.strip().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                into.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                into.computeIfAbsent("badArgument", k -> new ArrayList<>()).add(pair);
            }
        }
    }
}
