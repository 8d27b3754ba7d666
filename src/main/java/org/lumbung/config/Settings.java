package org.lumbung.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lumbung.index.EsCredentials;
import org.lumbung.index.IndexLayout;
import org.lumbung.language.LanguageDetector;
import org.lumbung.pipeline.Durations;

/**
 * Lumbung's settings: {@code application.properties}, then environment variables, then command line options, read and
 * validated once at start. A bad value fails here, naming its key.
 */
public final class Settings {

    /** Keys whose values are durations, checked at start. */
    private static final Pattern DURATION_KEYS = Pattern.compile(
            "(timeout|delay|interval|cap|overlap|lease|retention|ttl|settle|window\\.(min|max))$");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|k|mb|m|gb|g)?");
    /**
     * Keys whose values are secrets: set only in the environment or in the file named by {@code <key>-file} (a
     * Docker secret), never on the command line where {@code ps} shows them; never handed to Camel, never logged.
     */
    static final Set<String> SECRETS = Set.of("lumbung.es.api-key", "lumbung.es.password", "lumbung.admin.token",
            "lumbung.alerts.webhook-secret");

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = values;
    }

    /**
     * The packaged defaults overlaid by the environment and then by explicit overrides (the command line and the
     * settings file it names). An unknown {@code lumbung.*} key among the overrides is a misspelling: it stops
     * Lumbung, naming the nearest known key. The environment is not checked: it only supplies the keys known.
     */
    public static Settings load(Map<String, String> environment, Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>();
        Properties defaults = new Properties();
        try (InputStream in = packagedDefaults()) {
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                defaults.load(reader);
            }
        } catch (IOException e) {
            throw new SettingsException("application.properties", "unreadable: " + e.getMessage());
        }
        defaults.stringPropertyNames().forEach(k -> values.put(k, defaults.getProperty(k).trim()));
        for (String key : values.keySet().toArray(String[]::new)) {
            String env = environment.get(environmentName(key));
            if (env != null) {
                values.put(key, env.trim());
            }
        }
        overrides.forEach((k, v) -> {
            if (k.startsWith("lumbung.") && !defaults.containsKey(k)) {
                throw new SettingsException(k, "unknown setting" + nearest(k, defaults.stringPropertyNames())
                        .map(known -> "; did you mean " + known + "?").orElse(""));
            }
            if (v != null && SECRETS.contains(k)) {
                throw new SettingsException(k, "is a secret: set it in the environment (" + environmentName(k)
                        + ") or in a file named by " + k + "-file, never on the command line");
            }
            if (v != null) {
                values.put(k, v.trim());
            }
        });
        Settings settings = new Settings(values);
        settings.validate();
        return settings;
    }

    /** The known key closest to a misspelt one, when it is close enough to be what was meant. */
    /**
     * Lumbung's own application.properties, from where this class was loaded: as a plugin, Lumbung shares the class
     * path with an application that often has an application.properties of its own, found first by name.
     */
    static InputStream packagedDefaults() throws IOException {
        String self = String.valueOf(Settings.class.getResource("Settings.class"));
        String own = self.replace(Settings.class.getName().replace('.', '/') + ".class", "application.properties");
        try {
            return URI.create(own).toURL().openStream();
        } catch (IllegalArgumentException | IOException e) {
            throw new SettingsException("application.properties", "missing next to Lumbung's classes (" + own + ")");
        }
    }

    static Optional<String> nearest(String key, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = editDistance(key, candidate);
            if (d < bestDistance || d == bestDistance && candidate.compareTo(best) < 0) {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(3, key.length() / 4) ? Optional.ofNullable(best) : Optional.empty();
    }

    /** Levenshtein's distance: insertions, deletions and substitutions, one each. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    public static Settings defaults() {
        return load(Map.of(), Map.of());
    }

    /** lumbung.es.url -> LUMBUNG_ES_URL */
    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private void validate() {
        esUrls();
        esHeap();
        esPort();
        duration("lumbung.es.start-timeout");
        indexReplicas();
        indexCodec();
        integer("lumbung.index.bulk-operations", 1, 100_000);
        bytes("lumbung.index.bulk-bytes");
        bulkConcurrency();
        duration("lumbung.index.flush-interval");
        httpPort();
        publicUrl();
        duration("lumbung.http-client.connect-timeout");
        duration("lumbung.http-client.read-timeout");
        languageCandidates();
        for (String key : values.keySet()) {
            if (key.startsWith("lumbung.") && DURATION_KEYS.matcher(key).find()) {
                duration(key);
            }
        }
        for (String key : new String[] {"lumbung.harvest.retry.attempts", "lumbung.harvest.host-concurrency",
            "lumbung.harvest.page-retries", "lumbung.harvest.in-flight-pages", "lumbung.harvest.in-flight-records",
            "lumbung.harvest.window-restarts",
            "lumbung.harvest.small-window", "lumbung.harvest.concurrency"}) {
            integer(key, key.endsWith("page-retries") || key.endsWith("restarts") || key.endsWith("small-window")
                    ? 0 : 1, 1_000_000);
        }
        if (!get("lumbung.harvest.max-bytes-in-flight").isBlank()) {
            bytes("lumbung.harvest.max-bytes-in-flight");
        }
        if (!get("lumbung.pipeline.threads").isBlank()) {
            integer("lumbung.pipeline.threads", 1, 1024);
        }
        integer("lumbung.language.prefix", 20, 100_000);
        SECRETS.forEach(this::secret);
        alertWebhook();
        integer("lumbung.alerts.retry.attempts", 1, 100);
        integer("lumbung.alerts.queue", 1, 1_000_000);
        esCredentials();
        integer("lumbung.oai.page-size", 1, 10_000);
        if (!get("lumbung.oai.repository-identifier").matches("[a-zA-Z][a-zA-Z0-9-]*(\\.[a-zA-Z][a-zA-Z0-9-]*)*")) {
            throw new SettingsException("lumbung.oai.repository-identifier", "must be a domain-like name such as"
                    + " lumbung or portal.example.ac.id (OAI-PMH's oai-identifier scheme)");
        }
        if (!indexPrefix().matches("[a-z0-9][a-z0-9_-]*")) {
            throw new SettingsException("lumbung.index.prefix", "must be lower-case letters, digits, '-' or '_'");
        }
    }

    public String get(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new SettingsException(key, "unknown setting");
        }
        return v;
    }

    /** All settings but the secrets, for handing to Camel as properties. */
    public Map<String, String> asMap() {
        Map<String, String> open = new LinkedHashMap<>(values);
        open.keySet().removeAll(SECRETS);
        return Map.copyOf(open);
    }

    /** A secret: its value from the environment, else the content of the file named by {@code <key>-file}. */
    public Optional<String> secret(String key) {
        String v = get(key);
        if (!v.isEmpty()) {
            return Optional.of(v);
        }
        String file = get(key + "-file");
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            String content = java.nio.file.Files.readString(Path.of(file), StandardCharsets.UTF_8).trim();
            return content.isEmpty() ? Optional.empty() : Optional.of(content);
        } catch (IOException | RuntimeException e) {
            throw new SettingsException(key + "-file", "cannot read " + file + ": " + e.getMessage());
        }
    }

    /** How to authenticate to Elasticsearch and check its certificate (all optional). */
    public EsCredentials esCredentials() {
        String user = get("lumbung.es.username");
        Optional<String> password = secret("lumbung.es.password");
        if (password.isPresent() != !user.isEmpty()) {
            throw new SettingsException(user.isEmpty() ? "lumbung.es.username" : "lumbung.es.password",
                    "lumbung.es.username and lumbung.es.password go together");
        }
        String ca = get("lumbung.es.ca-file");
        if (!ca.isEmpty() && !java.nio.file.Files.isReadable(Path.of(ca))) {
            throw new SettingsException("lumbung.es.ca-file", "cannot read " + ca);
        }
        return new EsCredentials(secret("lumbung.es.api-key").orElse(null), user.isEmpty() ? null : user,
                password.orElse(null), ca.isEmpty() ? null : Path.of(ca));
    }

    /**
     * The Elasticsearch nodes to use, as {@code lumbung.es.url} lists them (one URL, or several separated by commas:
     * the client spreads its requests over them and fails over when one goes away); empty for the embedded node.
     */
    public List<URI> esUrls() {
        List<URI> urls = new ArrayList<>();
        for (String v : get("lumbung.es.url").split(",")) {
            if (!v.isBlank()) {
                urls.add(httpUrl(v.trim()));
            }
        }
        return List.copyOf(urls);
    }

    private static URI httpUrl(String v) {
        try {
            URI uri = URI.create(v);
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new SettingsException("lumbung.es.url", "'" + v + "' is not an http(s) URL");
        }
    }

    /** Where alerts are posted when their source names no webhook; a webhook needs the secret that signs it. */
    public Optional<URI> alertWebhook() {
        String v = get("lumbung.alerts.webhook");
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (!v.matches("(?i)https?://[^\\s]+")) {
            throw new SettingsException("lumbung.alerts.webhook", "'" + v + "' is not an http(s) URL");
        }
        if (secret("lumbung.alerts.webhook-secret").isEmpty()) {
            throw new SettingsException("lumbung.alerts.webhook-secret", "is needed to sign the alerts posted to"
                    + " lumbung.alerts.webhook: set LUMBUNG_ALERTS_WEBHOOK_SECRET or lumbung.alerts.webhook-secret-file");
        }
        return Optional.of(URI.create(v));
    }

    public Path dataDir() {
        return Path.of(get("lumbung.data"));
    }

    public String esHeap() {
        String v = get("lumbung.es.heap").toLowerCase(Locale.ROOT);
        if (!v.matches("\\d+[mg]")) {
            throw new SettingsException("lumbung.es.heap", "'" + v + "' is not a heap size such as 512m or 1g");
        }
        return v;
    }

    public int esPort() {
        return integer("lumbung.es.port", 0, 65535);
    }

    public Duration esStartTimeout() {
        return duration("lumbung.es.start-timeout");
    }

    public Optional<Path> esDistribution() {
        String v = get("lumbung.es.distribution");
        return v.isEmpty() ? Optional.empty() : Optional.of(Path.of(v));
    }

    /** The embedded node's snapshot folder, when not the default {@code snapshots/} in the node's folder. */
    public Optional<Path> backupFolder() {
        String v = get("lumbung.backup.folder");
        return v.isEmpty() ? Optional.empty() : Optional.of(Path.of(v));
    }

    public String esRunAs() {
        return get("lumbung.es.run-as");
    }

    public String indexPrefix() {
        return get("lumbung.index.prefix");
    }

    /**
     * Bulk requests in flight: as configured, or for {@code auto} one when Elasticsearch runs on this machine (the
     * embedded node, or every URL a loopback address) and two otherwise. A node on this machine shares its cores with
     * Lumbung: a second request in flight makes it index on two threads beside the harvest, into smaller segments
     * that it merges again, for no more records a second (see docs/performance.md); a remote cluster has cores of its
     * own for it.
     */
    public int bulkConcurrency() {
        if (!get("lumbung.index.bulk-concurrency").equalsIgnoreCase("auto")) {
            return integer("lumbung.index.bulk-concurrency", 1, 64);
        }
        return esUrls().stream().allMatch(u -> isLoopback(u.getHost())) ? 1 : 2;
    }

    private static boolean isLoopback(String host) {
        return host.equalsIgnoreCase("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }

    /** Replicas per index as configured; empty for {@code auto}, which the cluster's size decides. */
    public OptionalInt indexReplicas() {
        return get("lumbung.index.replicas").equalsIgnoreCase("auto") ? OptionalInt.empty()
                : OptionalInt.of(integer("lumbung.index.replicas", 0, 10));
    }

    /** How new records indices store their documents: best_compression (the default) or Elasticsearch's default. */
    public String indexCodec() {
        String codec = get("lumbung.index.codec");
        if (!IndexLayout.CODECS.contains(codec)) {
            throw new SettingsException("lumbung.index.codec", "is one of " + new TreeSet<>(IndexLayout.CODECS)
                    + ", not '" + codec + "'");
        }
        return codec;
    }

    public String httpHost() {
        return get("lumbung.http.host");
    }

    public int httpPort() {
        return integer("lumbung.http.port", 0, 65535);
    }

    /** The address readers reach Lumbung at, for the links it gives out; empty: its own host and port. */
    public String publicUrl() {
        String url = get("lumbung.http.public-url");
        if (url.isBlank()) {
            return "http://" + (httpHost().equals("0.0.0.0") ? "127.0.0.1" : httpHost()) + ":" + httpPort();
        }
        if (!url.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
            throw new SettingsException("lumbung.http.public-url", "must be an http or https address such as"
                    + " https://lumbung.example.org, not '" + url + "'");
        }
        return url;
    }

    public Optional<Path> seeds() {
        String v = get("lumbung.seeds");
        return v.isEmpty() ? Optional.empty() : Optional.of(Path.of(v));
    }

    public Optional<Path> routes() {
        String v = get("lumbung.routes");
        return v.isEmpty() ? Optional.empty() : Optional.of(Path.of(v));
    }

    /**
     * What {@code run} runs at start: {@code true} every source, {@code due} only the sources due (for several
     * workers: a worker joining runs nothing the others ran for the latest scheduled time), {@code false} none.
     */
    public String harvestAtStart() {
        String v = get("lumbung.harvest.at-start").trim().toLowerCase(Locale.ROOT);
        if (!List.of("true", "due", "false").contains(v)) {
            throw new SettingsException("lumbung.harvest.at-start", "is true, due or false, not '" + v + "'");
        }
        return v;
    }

    public List<String> languageCandidates() {
        List<String> codes = Arrays.stream(get("lumbung.language.candidates").split("[,\\s]+"))
                .map(String::trim).filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT)).toList();
        if (codes.size() < 2 || codes.stream().anyMatch(c -> !c.matches("[a-z]{2}"))) {
            throw new SettingsException("lumbung.language.candidates",
                    "needs two or more ISO 639-1 codes such as id,en,ms");
        }
        codes.stream().filter(c -> !LanguageDetector.hasModel(c)).findFirst().ifPresent(c -> {
            throw new SettingsException("lumbung.language.candidates", "no language model for '" + c + "'");
        });
        return codes;
    }

    public int integer(String key, int min, int max) {
        String v = get(key);
        try {
            int i = Integer.parseInt(v);
            if (i < min || i > max) {
                throw new NumberFormatException();
            }
            return i;
        } catch (NumberFormatException e) {
            throw new SettingsException(key, "'" + v + "' is not a whole number from " + min + " to " + max);
        }
    }

    public Duration duration(String key) {
        try {
            return Durations.parse(get(key));
        } catch (IllegalArgumentException e) {
            throw new SettingsException(key, e.getMessage());
        }
    }

    public long bytes(String key) {
        String v = get(key).toLowerCase(Locale.ROOT);
        Matcher m = SIZE.matcher(v);
        if (!m.matches()) {
            throw new SettingsException(key, "'" + v + "' is not a size such as 512kb or 5mb");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        return switch (unit) {
            case "k", "kb" -> n * 1024;
            case "m", "mb" -> n * 1024 * 1024;
            case "g", "gb" -> n * 1024 * 1024 * 1024;
            default -> n;
        };
    }
}
