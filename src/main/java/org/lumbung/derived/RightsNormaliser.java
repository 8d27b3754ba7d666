package org.lumbung.derived;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads rights statements for two things aggregators facet on. Access rights become a COAR access right
 * (http://purl.org/coar/access_right/): from COAR URIs, DRIVER's {@code info:eu-repo/semantics/openAccess} and its
 * siblings, and plain words in English, Indonesian and Spanish. A Creative Commons licence becomes its label and
 * canonical URI: from licence addresses ({@code http://creativecommons.org/licenses/by-nc/4.0/legalcode}) and from
 * names as people write them ({@code CC BY-NC-ND 4.0}, {@code Creative Commons Attribution-ShareAlike 4.0
 * International}, {@code Lisensi Creative Commons Atribusi-BerbagiSerupa 4.0 Internasional},
 * {@code Atribución-NoComercial-SinDerivadas 3.0 España}).
 */
public final class RightsNormaliser {

    public static final String COAR = "http://purl.org/coar/access_right/";
    public static final CoarTerm OPEN = new CoarTerm(COAR + "c_abf2", "open access");
    public static final CoarTerm EMBARGOED = new CoarTerm(COAR + "c_f1cf", "embargoed access");
    public static final CoarTerm RESTRICTED = new CoarTerm(COAR + "c_16ec", "restricted access");
    public static final CoarTerm METADATA_ONLY = new CoarTerm(COAR + "c_14cb", "metadata only access");

    private static final Pattern COAR_URI = Pattern.compile("(?i)purl\\.org/coar/access_right/(c_[a-z0-9]+)");
    private static final Pattern EU_REPO = Pattern.compile(
            "(?i)info:eu-repo/semantics/(openaccess|embargoedaccess|restrictedaccess|closedaccess)");
    private static final Pattern OPEN_WORDS = Pattern.compile(
            "(?i)\\b(open[\\s-]access|akses terbuka|acceso abierto|acesso aberto|acc[eè]s ouvert|free to read|freely available)\\b");
    private static final Pattern EMBARGO_WORDS = Pattern.compile("(?i)\\b(embargo(ed)?( access)?|embargoed until)\\b");
    private static final Pattern RESTRICTED_WORDS = Pattern.compile(
            "(?i)\\b(restricted access|akses terbatas|acceso restringido|campus only|login required)\\b");
    private static final Pattern CLOSED_WORDS = Pattern.compile(
            "(?i)\\b(closed access|metadata only|akses tertutup|acceso cerrado)\\b");

    private static final Pattern CC_URI = Pattern.compile(
            "(?i)creativecommons\\.org/(licenses|publicdomain)/([a-z+-]+)/(\\d\\.\\d)(?:/([a-z]{2}(?:-[a-z]{2})?))?(?=/|$|[^a-z])");
    private static final Pattern CC_NAMED = Pattern.compile(
            "(?i)creative\\s*commons|\\bcc[\\s-]*(by|0|zero)\\b|\\b(attribution|atribusi|atribuci[oó]n|namensnennung)"
                    + "[\\s-]+(non|no|share|berbagi|tanpa|sin|compartir|keine|nicht|[1-4]\\.0|international|internasional)");
    private static final Pattern BY = Pattern.compile("(?i)\\b(by|attribution|atribusi|atribuci[oó]n|namensnennung)\\b");
    private static final Pattern NC = Pattern.compile(
            "(?i)(\\bnc\\b|non[\\s-]?commercial|non[\\s-]?komersial|no[\\s-]?comercial|nicht[\\s-]?kommerziell)");
    private static final Pattern ND = Pattern.compile(
            "(?i)(\\bnd\\b|no[\\s-]?deriv|tanpa[\\s-]?turunan|sin[\\s-]?deriva|keine[\\s-]?bearbeitung)");
    private static final Pattern SA = Pattern.compile(
            "(?i)(\\bsa\\b|share[\\s-]?alike|berbagi[\\s-]?serupa|compartir[\\s-]?igual|weitergabe)");
    private static final Pattern ZERO = Pattern.compile("(?i)\\bcc[\\s-]*(0|zero)\\b|public\\s*domain\\s*dedication");
    private static final Pattern VERSION = Pattern.compile("\\b([1-4]\\.0)\\b");

    private static final ValueCache<CoarTerm> STATED = new ValueCache<>(RightsNormaliser::stated);
    private static final ValueCache<Licence> FROM_URI = new ValueCache<>(RightsNormaliser::fromUri);
    private static final ValueCache<Licence> FROM_NAME = new ValueCache<>(RightsNormaliser::fromName);

    private RightsNormaliser() {
    }

    /** The access rights the statements state, or failing that, open access when they grant a CC licence; or null. */
    public static CoarTerm accessRights(List<String> rights) {
        for (String value : rights) {
            CoarTerm term = STATED.get(value);
            if (term != null) {
                return term;
            }
        }
        return licence(rights) != null ? OPEN : null;
    }

    private static CoarTerm stated(String value) {
        Matcher m = COAR_URI.matcher(value);
        if (m.find()) {
            return switch (m.group(1).toLowerCase(Locale.ROOT)) {
                case "c_abf2" -> OPEN;
                case "c_f1cf" -> EMBARGOED;
                case "c_16ec" -> RESTRICTED;
                case "c_14cb" -> METADATA_ONLY;
                default -> null;
            };
        }
        m = EU_REPO.matcher(value);
        if (m.find()) {
            return switch (m.group(1).toLowerCase(Locale.ROOT)) {
                case "openaccess" -> OPEN;
                case "embargoedaccess" -> EMBARGOED;
                case "restrictedaccess" -> RESTRICTED;
                default -> METADATA_ONLY;
            };
        }
        if (CLOSED_WORDS.matcher(value).find()) {
            return METADATA_ONLY;
        }
        if (RESTRICTED_WORDS.matcher(value).find()) {
            return RESTRICTED;
        }
        if (EMBARGO_WORDS.matcher(value).find()) {
            return EMBARGOED;
        }
        return OPEN_WORDS.matcher(value).find() ? OPEN : null;
    }

    /** The Creative Commons licence the statements grant: a licence address first, then a licence named in words. */
    public static Licence licence(List<String> rights) {
        for (String value : rights) {
            Licence licence = FROM_URI.get(value);
            if (licence != null) {
                return licence;
            }
        }
        for (String value : rights) {
            Licence licence = FROM_NAME.get(value);
            if (licence != null) {
                return licence;
            }
        }
        return null;
    }

    private static Licence fromUri(String value) {
        Matcher m = CC_URI.matcher(value);
        if (!m.find()) {
            return null;
        }
        String kind = m.group(2).toLowerCase(Locale.ROOT);
        String version = m.group(3);
        String port = m.group(4) == null ? "" : m.group(4).toLowerCase(Locale.ROOT) + "/";
        if (m.group(1).equalsIgnoreCase("publicdomain")) {
            return switch (kind) {
                case "zero" -> new Licence("https://creativecommons.org/publicdomain/zero/" + version + "/",
                        "CC0 " + version);
                case "mark" -> new Licence("https://creativecommons.org/publicdomain/mark/" + version + "/",
                        "Public Domain Mark " + version);
                default -> null;
            };
        }
        if (!kind.matches("by(-nc)?(-nd|-sa)?")) {
            return null;
        }
        String label = label(kind, version) + (port.isEmpty() ? "" : " " + port.substring(0, port.length() - 1)
                .toUpperCase(Locale.ROOT));
        return new Licence("https://creativecommons.org/licenses/" + kind + "/" + version + "/" + port, label);
    }

    private static Licence fromName(String value) {
        if (!CC_NAMED.matcher(value).find()) {
            return null;
        }
        Matcher version = VERSION.matcher(value);
        String v = version.find() ? version.group(1) : null;
        if (ZERO.matcher(value).find()) {
            return new Licence("https://creativecommons.org/publicdomain/zero/1.0/", "CC0 1.0");
        }
        if (!BY.matcher(value).find()) {
            return null;
        }
        boolean nd = ND.matcher(value).find();
        boolean sa = SA.matcher(value).find();
        if (nd && sa) {
            return null;
        }
        String kind = "by" + (NC.matcher(value).find() ? "-nc" : "") + (nd ? "-nd" : "") + (sa ? "-sa" : "");
        String uri = v == null ? null : "https://creativecommons.org/licenses/" + kind + "/" + v + "/";
        return new Licence(uri, label(kind, v));
    }

    /** {@code by-nc-nd} and {@code 4.0} become {@code CC BY-NC-ND 4.0}. */
    private static String label(String kind, String version) {
        String label = "CC " + kind.toUpperCase(Locale.ROOT);
        return version == null ? label : label + " " + version;
    }
}
