package org.lumbung.harvest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rescues the records of a list page the XML parser rejects (one broken record, an unescaped {@code <}): each
 * {@code <record>} is cut out and parsed alone inside the page's own envelope, and the resumption token is read from
 * the text. A page whose end is missing (truncated) cannot be rescued this way: the harvester then lists the window's
 * identifiers and fetches them one by one.
 */
final class PageSalvage {

    private static final Pattern ROOT = Pattern.compile("<((?:[\\w.-]+:)?OAI-PMH)\\b[^>]*>");
    private static final Pattern LIST = Pattern.compile("<((?:[\\w.-]+:)?(?:ListRecords|ListIdentifiers|GetRecord))\\b[^>]*>");
    private static final Pattern RECORD = Pattern.compile("<(?:[\\w.-]+:)?record\\b[^>]*>.*?</(?:[\\w.-]+:)?record\\s*>",
            Pattern.DOTALL);
    private static final Pattern TOKEN = Pattern.compile(
            "<(?:[\\w.-]+:)?resumptionToken\\b[^>]*?(?:/>|>(.*?)</(?:[\\w.-]+:)?resumptionToken\\s*>)", Pattern.DOTALL);
    private static final Pattern IDENTIFIER = Pattern.compile("<(?:[\\w.-]+:)?identifier\\b[^>]*>(.*?)</", Pattern.DOTALL);
    /** Longer than any real OAI identifier (a URI): a hostile record's is neither asked for by GetRecord nor kept. */
    static final int MAX_IDENTIFIER = 2048;

    /** What could be read: the records that parse alone, the ones that do not (id and text), and the token. */
    record Salvaged(List<RawRecord> records, List<Broken> broken, ResumptionToken token) {
    }

    /** A record that does not parse even alone: its identifier (null if none could be read) and its text. */
    record Broken(String identifier, String text, String reason) {
    }

    private PageSalvage() {
    }

    /** The token as the parser would have read it: XML's five entities and numeric references undone. */
    static String unescape(String text) {
        Matcher m = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String ref = m.group(1);
            String c = switch (ref) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> new String(Character.toChars(ref.startsWith("#x")
                        ? Integer.parseInt(ref.substring(2), 16) : Integer.parseInt(ref.substring(1))));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(c));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The salvaged page, or null when the page is truncated or is no list at all. */
    static Salvaged salvage(String xml, OaiPageParser parser, String sourceId, String url, String prefix) {
        Matcher root = ROOT.matcher(xml);
        Matcher list = LIST.matcher(xml);
        if (!root.find() || !list.find(root.end())) {
            return null;
        }
        String listName = list.group(1);
        boolean complete = xml.contains("</" + listName) || xml.contains("</" + root.group(1));
        Matcher token = TOKEN.matcher(xml);
        ResumptionToken resumption = null;
        while (token.find()) {
            String value = token.group(1) == null ? "" : unescape(token.group(1).trim());
            resumption = new ResumptionToken(value, -1, -1, null);
        }
        if (!complete) {
            return null;
        }
        String open = root.group() + list.group();
        String close = "</" + listName + "></" + root.group(1) + ">";
        List<RawRecord> records = new ArrayList<>();
        List<Broken> broken = new ArrayList<>();
        Matcher record = RECORD.matcher(xml);
        while (record.find()) {
            String chunk = record.group();
            try {
                OaiPage alone = parser.parse((open + chunk + close).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        sourceId, url, prefix);
                records.addAll(alone.records());
            } catch (HarvestException e) {
                Matcher id = IDENTIFIER.matcher(chunk);
                String identifier = id.find() ? id.group(1).trim() : null;
                broken.add(new Broken(identifier == null || identifier.length() > MAX_IDENTIFIER ? null : identifier, chunk,
                        e.reason()));
            }
        }
        return new Salvaged(records, broken, resumption);
    }
}
