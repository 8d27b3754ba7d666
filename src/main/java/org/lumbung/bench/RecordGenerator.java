package org.lumbung.bench;

import java.time.Instant;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Synthetic oai_dc records shaped like those of Indonesian OJS journals and DSpace repositories: titles in Indonesian
 * or English (often both), one to six creators, abstracts of 100 to 300 words, keywords as one list or one element
 * each, dates in mixed formats, DOIs in three spellings, types, rights. Record {@code i} is the same on every run
 * (its random numbers come from the seed and {@code i}), so pages can be rendered once and documents compared.
 * Four in ten records label their values with {@code xml:lang} as OJS does; the others leave the language of their
 * titles and abstracts to be detected.
 */
final class RecordGenerator {

    static final String IDENTIFIER_PREFIX = "oai:bench.lumbung.test:article/";
    /** The earliest datestamp; record i is dated i * 37 seconds later. */
    static final Instant EARLIEST = Instant.parse("2015-01-01T00:00:00Z");

    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/";

    private final Vocabulary words = Vocabulary.load();
    private final long seed;

    RecordGenerator(long seed) {
        this.seed = seed;
    }

    /** The OAI-PMH {@code <record>} element of record i (from 0). */
    String record(int i) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + i);
        boolean indonesian = random.nextDouble() < 0.6;
        boolean labelled = random.nextDouble() < 0.4;
        int year = 2012 + random.nextInt(13);
        String journal = words.pick("journal", random);
        StringBuilder xml = new StringBuilder(4096);
        xml.append("<record><header><identifier>").append(IDENTIFIER_PREFIX).append(i + 1)
                .append("</identifier><datestamp>").append(EARLIEST.plusSeconds(37L * i))
                .append("</datestamp><setSpec>").append(slug(journal)).append(":ART</setSpec></header><metadata>")
                .append("<oai_dc:dc xmlns:oai_dc=\"").append(OAI_DC).append("\" xmlns:dc=\"").append(DC)
                .append("\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"")
                .append(OAI_DC).append(" http://www.openarchives.org/OAI/2.0/oai_dc.xsd\">");
        Values dc = new Values(xml, labelled);
        content(dc, indonesian, random);
        publication(dc, i, indonesian, year, journal, random);
        return xml.append("</oai_dc:dc></metadata></record>").toString();
    }

    /** Titles, creators, keywords, abstracts: what the article says. */
    private void content(Values dc, boolean indonesian, SplittableRandom random) {
        dc.add("title", title(indonesian, random), indonesian);
        if (random.nextDouble() < 0.5) {
            dc.add("title", title(!indonesian, random), !indonesian);
        }
        int creators = 1 + random.nextInt(6);
        for (int c = 0; c < creators; c++) {
            dc.add("creator", name(random), null);
        }
        keywords(dc, indonesian, random);
        dc.add("description", prose(indonesian, 100 + random.nextInt(201), random), indonesian);
        if (random.nextDouble() < 0.2) {
            dc.add("description", prose(!indonesian, 100 + random.nextInt(201), random), !indonesian);
        }
    }

    /** Publisher, date, types, identifiers, source, language, relation, rights: where and how it was published. */
    private void publication(Values dc, int i, boolean indonesian, int year, String journal, SplittableRandom random) {
        dc.add("publisher", words.pick("institution", random), indonesian);
        if (random.nextDouble() < 0.2) {
            dc.add("contributor", "Kementerian Pendidikan, Kebudayaan, Riset, dan Teknologi", true);
        }
        dc.add("date", date(year, random), null);
        for (int t = 1 + random.nextInt(3); t > 0; t--) {
            dc.add("type", words.pick("type", random), null);
        }
        dc.add("format", "application/pdf", null);
        String path = "https://ejournal.bench.lumbung.test/index.php/" + slug(journal) + "/article/view/" + (i + 1);
        dc.add("identifier", path, null);
        if (random.nextDouble() < 0.7) {
            dc.add("identifier", doi(i, year, random), null);
        }
        dc.add("source", journal + "; Vol " + (year - 2008) + ", No " + (1 + random.nextInt(4)) + " (" + year + "); "
                + (1 + random.nextInt(200)) + "-" + (201 + random.nextInt(100)), indonesian);
        dc.add("source", String.format(Locale.ROOT, "%04d-%04d", 2000 + random.nextInt(1000), random.nextInt(10_000)),
                null);
        if (random.nextDouble() < 0.8) {
            dc.add("language", words.pick("language", random), null);
        }
        if (random.nextDouble() < 0.6) {
            dc.add("relation", path + "/" + (10_000 + i), null);
        }
        for (int r = 1 + random.nextInt(2); r > 0; r--) {
            dc.add("rights", words.pick("rights", random).replace("{year}", Integer.toString(year))
                    .replace("{journal}", journal), false);
        }
    }

    /** Writes dc elements; {@code xml:lang} only where the record labels its values and the value has a language. */
    private record Values(StringBuilder xml, boolean labelled) {
        void add(String element, String text, Boolean indonesian) {
            xml.append("<dc:").append(element);
            if (labelled && indonesian != null) {
                xml.append(" xml:lang=\"").append(indonesian ? "id-ID" : "en-US").append('"');
            }
            xml.append('>').append(escape(text)).append("</dc:").append(element).append('>');
        }
    }

    private String title(boolean indonesian, SplittableRandom random) {
        String lang = indonesian ? "id" : "en";
        StringBuilder title = new StringBuilder(words.pick(lang + "-title-head", random)).append(' ')
                .append(capitalised(phrase(lang, 1 + random.nextInt(3), random))).append(' ')
                .append(words.pick(lang + "-title-link", random)).append(' ')
                .append(capitalised(phrase(lang, 1 + random.nextInt(3), random)));
        if (random.nextDouble() < 0.5) {
            title.append(indonesian ? " di " : " in ").append(words.pick("id-place", random));
        }
        if (random.nextDouble() < 0.3) {
            title.append(": ").append(capitalised(phrase(lang, 2 + random.nextInt(4), random)));
        }
        return title.toString();
    }

    private String phrase(String lang, int length, SplittableRandom random) {
        StringBuilder out = new StringBuilder();
        for (int w = 0; w < length; w++) {
            out.append(w == 0 ? "" : " ").append(words.pick(lang + "-content", random));
        }
        return out.toString();
    }

    /** Sentences of 8 to 24 words, about a third of them function words, so that they read as the language. */
    private String prose(boolean indonesian, int wordCount, SplittableRandom random) {
        String lang = indonesian ? "id" : "en";
        StringBuilder out = new StringBuilder(wordCount * 9);
        int inSentence = 0;
        int sentenceLength = 8 + random.nextInt(17);
        for (int w = 0; w < wordCount; w++) {
            String word = words.pick(lang + (random.nextDouble() < 0.35 ? "-function" : "-content"), random);
            out.append(inSentence == 0 ? capitalised(word) : word);
            if (++inSentence == sentenceLength || w == wordCount - 1) {
                out.append(w == wordCount - 1 ? "." : ". ");
                inSentence = 0;
                sentenceLength = 8 + random.nextInt(17);
            } else {
                out.append(random.nextDouble() < 0.06 ? ", " : " ");
            }
        }
        return out.toString();
    }

    private void keywords(Values dc, boolean indonesian, SplittableRandom random) {
        String lang = indonesian ? "id" : "en";
        int count = 2 + random.nextInt(5);
        if (random.nextBoolean()) {
            StringBuilder list = new StringBuilder();
            for (int k = 0; k < count; k++) {
                list.append(k == 0 ? "" : "; ").append(phrase(lang, 1 + random.nextInt(2), random));
            }
            dc.add("subject", list.toString(), indonesian);
        } else {
            for (int k = 0; k < count; k++) {
                dc.add("subject", capitalised(phrase(lang, 1 + random.nextInt(2), random)), indonesian);
            }
        }
    }

    private String name(SplittableRandom random) {
        String given = words.pick("given", random);
        if (random.nextDouble() < 0.3) {
            given += " " + words.pick("given", random);
        }
        String family = words.pick("family", random);
        return random.nextBoolean() ? family + ", " + given : given + " " + family;
    }

    private static String date(int year, SplittableRandom random) {
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(28);
        return switch (random.nextInt(6)) {
            case 0 -> Integer.toString(year);
            case 1 -> String.format(Locale.ROOT, "%d-%02d", year, month);
            case 2 -> String.format(Locale.ROOT, "%02d/%02d/%d", day, month, year);
            case 3 -> String.format(Locale.ROOT, "%d-%02d-%02dT%02d:%02d:%02dZ", year, month, day,
                    random.nextInt(24), random.nextInt(60), random.nextInt(60));
            case 4 -> Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year;
            default -> String.format(Locale.ROOT, "%d-%02d-%02d", year, month, day);
        };
    }

    private static String doi(int i, int year, SplittableRandom random) {
        String doi = "10." + (14_000 + random.nextInt(900)) + "/jbench.v" + (year - 2008) + "i"
                + (1 + random.nextInt(4)) + "." + (i + 1);
        return switch (random.nextInt(3)) {
            case 0 -> "https://doi.org/" + doi;
            case 1 -> "doi:" + doi;
            default -> doi;
        };
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
