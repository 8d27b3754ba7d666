package org.lumbung.derived;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a person's name as {@code Family, Given}, the form DRIVER asks for and catalogues sort by. It inverts
 * {@code Given Family} (keeping particles such as {@code van der} and suffixes such as {@code Jr.} with the family
 * name), tidies names already inverted ({@code Pereira , Rodrigo M.} as HAL writes it, {@code Yang, Xiaochun,
 * 1971-} as MARC does), and drops the academic titles and degrees Indonesian journals attach
 * ({@code Prof. Dr. Budi Santoso, S.H., M.Hum.}). Organisations and single names stay as written.
 */
public final class NameNormaliser {

    private static final Pattern SPACE_BEFORE_COMMA = Pattern.compile("\\s+,");
    private static final Pattern LIFE_DATES = Pattern.compile(",?\\s*\\(?\\b(?:b\\.\\s*|d\\.\\s*)?\\d{4}\\s*-\\s*(?:\\d{4})?\\)?\\.?$");
    /** A degree written with full stops, two capitals at least: S.H., M.Si., Ph.D., S.Pd.I. */
    private static final Pattern DEGREE = Pattern.compile("(?:[A-Z][A-Za-z]{0,4}\\.\\s?){1,4}[A-Za-z]{0,4}\\.?");
    private static final Set<String> BARE_DEGREES = Set.of("mba", "mm", "msc", "phd", "ma", "ba", "bsc", "md", "se",
            "st", "sh", "mh", "mt", "mpd", "spd", "skom", "mkom", "apt", "ns", "llm", "dphil", "mphil", "med");
    private static final Set<String> TITLES = Set.of("prof", "prof.", "dr", "dr.", "drs.", "dra.", "drs", "dra", "ir.",
            "ir", "drg.", "drg", "mr.", "mrs.", "ms.", "mr", "mrs", "assoc.", "asst.", "professor", "dipl.-ing.");
    private static final Set<String> PARTICLES = Set.of("van", "von", "der", "den", "de", "del", "della", "di", "da",
            "du", "la", "le", "dos", "das", "ten", "ter", "al", "el", "st.", "zu", "y");
    private static final Set<String> SUFFIXES = Set.of("jr.", "jr", "sr.", "sr", "ii", "iii", "iv");
    /** A corporate name's hierarchy, as MARC 110 writes it: {@code Industriegewerkschaft Metall. Bezirk Baden}. */
    private static final Pattern HIERARCHY = Pattern.compile("\\p{L}{4,}\\.\\s+\\p{Lu}\\p{L}+");
    /**
     * Words only organisations' names have, English and Indonesian: a research collaboration ({@code The ATLAS
     * collaboration}) and a team or group are corporate authors too. Words that are also given or family names
     * ({@code Tim}, {@code Dewan}) are not here.
     */
    private static final Set<String> ORGANISATION_WORDS = Set.of("college", "school", "department", "dept",
            "departemen", "faculty", "fakultas", "lab", "center", "centre", "pusat", "association", "society", "ltd",
            "inc", "company", "committee", "council", "ministry", "kementerian", "agency", "badan", "foundation",
            "yayasan", "commission", "group", "consortium", "network", "project", "team", "library", "perpustakaan",
            "museum", "archive", "archives", "press", "publisher", "government", "bank", "hospital", "union",
            "program", "programme", "office", "service", "repository", "journal", "jurnal", "studio", "photographer",
            "photographers", "atelier", "collaboration", "collaborators", "consortia", "investigators", "alliance",
            "federation", "initiative", "partnership", "board", "bureau", "secretariat", "taskforce", "panel",
            "division", "authority", "academy", "survey", "observatory", "lembaga", "kelompok", "direktorat",
            "himpunan", "perhimpunan", "ikatan", "asosiasi", "politeknik", "akademi", "sekolah", "balai", "dinas",
            "komisi", "pemerintah", "jurusan", "prodi", "redaksi", "panitia", "forum", "komunitas", "persatuan",
            "perkumpulan", "koperasi", "kantor");
    /** Indonesian {@code Tim} (team) names a group only before whose team it is: {@code Tim Penyusun}, not Tim Berners-Lee. */
    private static final Set<String> TEAM_OF = Set.of("penyusun", "peneliti", "penulis", "redaksi", "editor",
            "pengabdian", "pengembang", "ahli", "kerja", "riset", "dosen", "kajian", "pakar", "perumus", "pelaksana",
            "pengelola", "teknis");
    /** An acronym ({@code ATLAS}, {@code CMS}): with a leading {@code The} it is a body's name, not a person's. */
    private static final Pattern ACRONYM = Pattern.compile("\\b\\p{Lu}{2,}\\b");
    private static final List<String> ORGANISATION_STEMS = List.of("universit", "institut", "laborator", "corp",
            "organisation", "organization");

    // Compiled once: a name's parts and words are split on them for every author not seen lately.
    private static final Pattern COMMA = Pattern.compile("\\s*,\\s*");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}]+");
    private static final Pattern ET_AL = Pattern.compile("\\bet al\\b");

    /** Authors recur across a journal's records. */
    private static final ValueCache<String> KNOWN = new ValueCache<>(NameNormaliser::normalise);

    private NameNormaliser() {
    }

    /** The name as {@code Family, Given}, or as written for an organisation or a single name; null for none. */
    public static String familyGiven(String raw) {
        return raw == null || raw.isBlank() ? null : KNOWN.get(raw);
    }

    /**
     * The name without white space before its commas: HAL writes {@code Pereira , Rodrigo M.}. Most names have no
     * " ," and are given back as they are.
     */
    public static String noSpaceBeforeComma(String name) {
        return name == null || !name.contains(" ,") ? name : SPACE_BEFORE_COMMA.matcher(name).replaceAll(",");
    }

    private static String normalise(String raw) {
        String name = raw.strip();
        name = noSpaceBeforeComma(name);
        if (name.startsWith("*")) {
            name = name.substring(1).strip();
        }
        if (isOrganisation(name) || name.contains(". ") && HIERARCHY.matcher(stripTitles(name)).find()) {
            return name;
        }
        if (name.chars().anyMatch(Character::isDigit)) {
            name = LIFE_DATES.matcher(name).replaceFirst("").strip();
        }
        List<String> parts = new ArrayList<>(Arrays.asList(COMMA.split(name)));
        List<String> suffixes = new ArrayList<>();
        while (parts.size() > 1 && isDegreeOrSuffix(parts.get(parts.size() - 1), suffixes)) {
            parts.remove(parts.size() - 1);
        }
        String result;
        if (parts.size() >= 2) {
            result = stripTitles(parts.get(0)) + ", " + stripTitles(String.join(", ", parts.subList(1, parts.size())));
        } else {
            result = invert(stripTitles(parts.get(0)));
        }
        result = dropFinalStop(result);
        return suffixes.isEmpty() ? result : result + ", " + String.join(", ", suffixes);
    }

    /** A word of the name is one organisations' names have; looked up, since a pattern of them all is slow. */
    private static boolean isOrganisation(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        // A hospital (rumah sakit), and a group standing for its members.
        if (lower.contains("rumah sakit") || ET_AL.matcher(lower).find()) {
            return true;
        }
        // "The" opens no person's name but the Chinese-Indonesian family name The (The Liang Gie): with an acronym, a body.
        if (name.startsWith("The ") && ACRONYM.matcher(name.substring(4)).find()) {
            return true;
        }
        String[] words = NOT_LETTERS.split(lower);
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (ORGANISATION_WORDS.contains(word) || word.equals("tim") && i + 1 < words.length
                    && TEAM_OF.contains(words[i + 1])) {
                return true;
            }
            for (String stem : ORGANISATION_STEMS) {
                if (word.startsWith(stem)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code Budi Santoso} becomes {@code Santoso, Budi}; {@code Ludwig van Beethoven}, {@code van Beethoven, Ludwig}. */
    private static String invert(String name) {
        List<String> tokens = new ArrayList<>(Arrays.asList(SPACES.split(name)));
        String suffix = null;
        if (tokens.size() > 2 && SUFFIXES.contains(tokens.get(tokens.size() - 1).toLowerCase(Locale.ROOT))) {
            suffix = tokens.remove(tokens.size() - 1);
        }
        if (tokens.size() < 2) {
            return name;
        }
        int familyStart = tokens.size() - 1;
        while (familyStart > 1 && PARTICLES.contains(tokens.get(familyStart - 1).toLowerCase(Locale.ROOT))
                && Character.isLowerCase(tokens.get(familyStart - 1).charAt(0))) {
            familyStart--;
        }
        String family = String.join(" ", tokens.subList(familyStart, tokens.size()));
        String given = String.join(" ", tokens.subList(0, familyStart));
        return family + ", " + given + (suffix == null ? "" : ", " + suffix);
    }

    private static boolean isDegreeOrSuffix(String part, List<String> suffixes) {
        String lower = part.toLowerCase(Locale.ROOT);
        if (SUFFIXES.contains(lower)) {
            suffixes.add(0, part);
            return true;
        }
        if (BARE_DEGREES.contains(lower.replace(".", "").replace(" ", ""))) {
            return true;
        }
        return DEGREE.matcher(part).matches() && part.chars().filter(Character::isUpperCase).count() >= 2;
    }

    private static String stripTitles(String part) {
        String[] tokens = SPACES.split(part.strip());
        int start = 0;
        while (start < tokens.length - 1 && TITLES.contains(tokens[start].toLowerCase(Locale.ROOT))) {
            start++;
        }
        return String.join(" ", Arrays.copyOfRange(tokens, start, tokens.length));
    }

    /** MARC ends a heading with a full stop ({@code Loen, Johann Michael von.}); an initial keeps its own. */
    private static String dropFinalStop(String name) {
        if (!name.endsWith(".")) {
            return name;
        }
        int space = Math.max(name.lastIndexOf(' '), name.lastIndexOf(','));
        String last = name.substring(space + 1, name.length() - 1);
        boolean abbreviation = last.length() <= 1 || last.contains(".") || SUFFIXES.contains(last.toLowerCase(Locale.ROOT) + ".");
        return abbreviation ? name : name.substring(0, name.length() - 1);
    }
}
