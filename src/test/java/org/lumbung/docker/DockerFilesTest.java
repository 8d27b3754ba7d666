package org.lumbung.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lumbung.config.BuildInfo;
import org.lumbung.config.Settings;
import org.lumbung.testing.Requirements;

/**
 * Docker cannot run here, so the compose files and the Dockerfile are checked as files: the Elasticsearch and Kibana
 * images are the version pinned in pom.xml, every service that runs has a healthcheck, dependencies and volumes
 * resolve, ports stay on 127.0.0.1, Lumbung's environment names settings that exist, and the Dockerfile copies what
 * the project has and runs the jar it builds.
 */
class DockerFilesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path DOCKER = Path.of("docker");

    private static JsonNode compose(String file) throws Exception {
        return YAML.readTree(DOCKER.resolve(file).toFile());
    }

    @Test
    void imagesAreTheElasticsearchVersionPinnedInThePom() throws Exception {
        String version = BuildInfo.elasticsearchVersion();
        List<String> images = new ArrayList<>();
        for (String file : List.of("compose.yaml", "compose.secure.yaml", "compose.cluster.yaml")) {
            compose(file).path("services").forEach(s -> {
                if (s.has("image") && s.get("image").asText().startsWith("docker.elastic.co/")) {
                    images.add(s.get("image").asText());
                }
            });
        }
        assertThat(images).hasSize(9).allSatisfy(image -> assertThat(image).endsWith(":" + version));
        assertThat(images).contains("docker.elastic.co/elasticsearch/elasticsearch:" + version,
                "docker.elastic.co/kibana/kibana:" + version);
    }

    @Test
    void everyServiceIsHealthCheckedDependsOnServicesThatExistAndKeepsItsPortsLocal() throws Exception {
        JsonNode base = compose("compose.yaml");
        JsonNode secure = compose("compose.secure.yaml");
        Set<String> services = new HashSet<>();
        base.path("services").fieldNames().forEachRemaining(services::add);
        secure.path("services").fieldNames().forEachRemaining(services::add);
        assertThat(services).containsExactlyInAnyOrder("elasticsearch", "kibana", "kibana-setup", "lumbung", "setup");
        Set<String> volumes = new HashSet<>();
        base.path("volumes").fieldNames().forEachRemaining(volumes::add);
        secure.path("volumes").fieldNames().forEachRemaining(volumes::add);
        for (JsonNode file : List.of(base, secure)) {
            assertWired(file, services, volumes);
        }
        for (String running : List.of("elasticsearch", "kibana", "lumbung")) {
            assertThat(base.path("services").path(running).path("healthcheck").path("test").isArray())
                    .as("%s has a healthcheck", running).isTrue();
        }
        assertThat(base.path("services").path("kibana-setup").path("restart").asText()).isEqualTo("no");
        assertThat(base.path("services").path("kibana-setup").path("entrypoint").toString()).contains("/setup/import.sh");
        assertThat(DOCKER.resolve("kibana/import.sh")).content().contains("/setup/lumbung.ndjson");
        assertThat(DOCKER.resolve("kibana/lumbung.ndjson")).exists();
        assertThat(secure.path("services").path("setup").path("command").toString()).contains("/setup/setup.sh");
        assertThat(DOCKER.resolve("secure/setup.sh")).content().contains("/secrets/lumbung-es-api-key",
                "\"names\": [\"lumbung-*\"]", "kibana_system/_password");
    }

    /** Dependencies name services that exist and wait for health, volumes resolve, ports stay on 127.0.0.1. */
    private static void assertWired(JsonNode file, Set<String> services, Set<String> volumes) {
        for (Map.Entry<String, JsonNode> service : file.path("services").properties()) {
            service.getValue().path("depends_on").properties().forEach(d -> {
                assertThat(services).as("%s depends on %s", service.getKey(), d.getKey()).contains(d.getKey());
                assertThat(d.getValue().path("condition").asText()).isIn("service_healthy",
                        "service_completed_successfully");
            });
            service.getValue().path("volumes").forEach(v -> {
                String source = v.asText().split(":")[0];
                if (source.startsWith(".")) {
                    assertThat(DOCKER.resolve(source)).as("bind mount of %s", service.getKey()).exists();
                } else {
                    assertThat(volumes).as("volume %s of %s", source, service.getKey()).contains(source);
                }
            });
            service.getValue().path("ports").forEach(p -> assertThat(p.asText()).startsWith("127.0.0.1:"));
        }
    }

    /**
     * The cluster file: three nodes that name themselves, seed with each other and bootstrap from the same three
     * masters; two workers that list every node (as Lumbung's settings read it), run only what is due, and have a data
     * volume and a port each.
     */
    @Test
    void theClusterFilesNodesFindEachOtherAndItsWorkersKnowEveryNode() throws Exception {
        JsonNode cluster = compose("compose.cluster.yaml");
        Set<String> services = new HashSet<>();
        cluster.path("services").fieldNames().forEachRemaining(services::add);
        assertThat(services).containsExactlyInAnyOrder("es01", "es02", "es03", "kibana", "kibana-setup",
                "lumbung-1", "lumbung-2");
        Set<String> volumes = new HashSet<>();
        cluster.path("volumes").fieldNames().forEachRemaining(volumes::add);
        assertWired(cluster, services, volumes);
        List<String> nodes = List.of("es01", "es02", "es03");
        for (String node : nodes) {
            Map<String, String> env = environment(cluster.path("services").path(node));
            assertThat(env).as(node).containsEntry("node.name", node).containsEntry("cluster.name", "lumbung-cluster")
                    .containsEntry("discovery.seed_hosts", String.join(",", nodes))
                    .containsEntry("cluster.initial_master_nodes", String.join(",", nodes));
        }
        Set<String> dataVolumes = new HashSet<>();
        Set<String> ports = new HashSet<>();
        for (String worker : List.of("lumbung-1", "lumbung-2")) {
            JsonNode service = cluster.path("services").path(worker);
            Map<String, String> env = environment(service);
            Settings settings = Settings.load(env, Map.of());
            assertThat(settings.esUrls()).as(worker).extracting(Object::toString)
                    .containsExactlyElementsOf(nodes.stream().map(n -> "http://" + n + ":9200").toList());
            assertThat(settings.harvestAtStart()).as(worker).isEqualTo("due");
            assertThat(service.path("depends_on").properties().stream().map(Map.Entry::getKey).toList())
                    .as(worker).containsAll(nodes);
            dataVolumes.add(service.path("volumes").get(0).asText().split(":")[0]);
            ports.add(service.path("ports").get(0).asText());
        }
        assertThat(dataVolumes).as("a data volume each").hasSize(2);
        assertThat(ports).as("a port each").hasSize(2);
        for (String running : List.of("es01", "es02", "es03", "kibana", "lumbung-1", "lumbung-2")) {
            assertThat(cluster.path("services").path(running).path("healthcheck").path("test").isArray())
                    .as("%s has a healthcheck", running).isTrue();
        }
    }

    private static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        service.path("environment").forEach(e -> {
            String[] pair = e.asText().split("=", 2);
            env.put(pair[0], pair.length > 1 ? pair[1] : "");
        });
        return env;
    }

    @Test
    void lumbungsEnvironmentNamesSettingsThatExist() throws Exception {
        Settings defaults = Settings.defaults();
        Set<String> known = new HashSet<>();
        defaults.asMap().keySet().forEach(k -> known.add(Settings.environmentName(k)));
        for (String secret : List.of("lumbung.es.api-key", "lumbung.es.password", "lumbung.admin.token")) {
            known.add(Settings.environmentName(secret));
        }
        List<String> used = new ArrayList<>();
        for (String file : List.of("compose.yaml", "compose.secure.yaml", "compose.cluster.yaml")) {
            compose(file).path("services").properties().stream().filter(s -> s.getKey().startsWith("lumbung"))
                    .forEach(s -> used.addAll(environment(s.getValue()).keySet()));
        }
        assertThat(used).contains("LUMBUNG_ES_URL", "LUMBUNG_ES_API_KEY_FILE", "LUMBUNG_ES_CA_FILE", "LUMBUNG_HTTP_HOST",
                "LUMBUNG_HARVEST_AT_START");
        assertThat(known).containsAll(used);
    }

    /**
     * Debian's docker-compose (the client alone, no engine) reads the files, the secured one on top of the plain one,
     * as compose would.
     */
    @Test
    @Tag("docker-compose")
    void dockerComposeAcceptsTheFilesAndMergesTheSecuredVariant() throws Exception {
        Requirements.debianPackages(Files.isExecutable(Path.of("/usr/bin/docker-compose")), "docker-compose",
                "Checking the compose files with docker-compose config");
        String plain = config(List.of("-f", "docker/compose.yaml"));
        assertThat(plain).contains("LUMBUNG_ES_URL: http://elasticsearch:9200", "xpack.security.enabled: \"false\"");
        String secured = config(List.of("-f", "docker/compose.yaml", "-f", "docker/compose.secure.yaml"));
        assertThat(secured).contains("LUMBUNG_ES_URL: https://elasticsearch:9200", "xpack.security.enabled: \"true\"",
                "ELASTICSEARCH_USERNAME: kibana_system", "condition: service_completed_successfully");
        String cluster = config(List.of("-f", "docker/compose.cluster.yaml"));
        assertThat(cluster).contains("LUMBUNG_ES_URL: http://es01:9200,http://es02:9200,http://es03:9200",
                "discovery.seed_hosts: es01,es02,es03", "LUMBUNG_HARVEST_AT_START: due");
    }

    private static String config(List<String> files) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/docker-compose"));
        command.addAll(files);
        command.add("config");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("ELASTIC_PASSWORD", "checked-elastic");
        builder.environment().put("KIBANA_PASSWORD", "checked-kibana");
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    /**
     * The compose build context is the project's top folder; its .dockerignore keeps out what the build must not
     * carry (target/ and data/, hundreds of MB and some of it not readable by the builder) and lets in every COPY.
     */
    @Test
    void theBuildContextCarriesWhatTheDockerfileCopiesAndNotTargetOrData() throws Exception {
        String context = compose("compose.yaml").path("services").path("lumbung").path("build").path("context").asText();
        Path top = DOCKER.resolve(context).normalize();
        assertThat(top.toAbsolutePath()).isEqualTo(Path.of("").toAbsolutePath());
        List<String> rules = Files.readAllLines(top.resolve(".dockerignore")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        for (String left : List.of("target/lumbung.jar", "target/lib/x.jar", "data/es/nodes/0/x", "data/inbox/a.txt",
                ".git/HEAD", "docker/.env", ".idea/workspace.xml")) {
            assertThat(ignored(rules, left)).as("%s stays out of the build context", left).isTrue();
        }
        Matcher copies = Pattern.compile("(?m)^COPY (?!--from)(\\S+) ").matcher(Files.readString(DOCKER.resolve("Dockerfile")));
        int n = 0;
        while (copies.find()) {
            String copied = copies.group(1);
            assertThat(ignored(rules, copied)).as("COPY %s is in the build context", copied).isFalse();
            assertThat(ignored(rules, copied + "/main/java/org/lumbung/App.java")).as("what %s holds", copied).isFalse();
            n++;
        }
        assertThat(n).isGreaterThanOrEqualTo(4);
    }

    /** .dockerignore's rules as Docker reads them: globs on the path or a folder above it, the last match wins. */
    private static boolean ignored(List<String> rules, String path) {
        boolean out = false;
        for (String rule : rules) {
            boolean keep = rule.startsWith("!");
            String glob = (keep ? rule.substring(1) : rule).replaceAll("^/+|/+$", "");
            String regex = glob.replace(".", "\\.").replace("**", "\0").replace("*", "[^/]*").replace("?", "[^/]")
                    .replace("\0", ".*");
            if (path.matches(regex + "(/.*)?")) {
                out = !keep;
            }
        }
        return out;
    }

    /**
     * A named volume mounted on the data folder starts as a copy of the image's folder, owner included: the image
     * makes it for the user it runs as, before switching to that user; and the volume is mounted there.
     */
    @Test
    void theImageMakesItsDataFolderForTheUserItRunsAs() throws Exception {
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
        String runtime = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
        Matcher user = Pattern.compile("(?m)^USER (\\S+)$").matcher(runtime);
        assertThat(user.find()).as("the image runs as a user of its own").isTrue();
        Matcher data = Pattern.compile("LUMBUNG_DATA=(\\S+)").matcher(runtime);
        assertThat(data.find()).isTrue();
        String owner = user.group(1);
        String folder = data.group(1);
        String beforeUser = runtime.substring(0, user.start()).replace("\\\n", " ");
        assertThat(beforeUser).as("the data folder %s is made for %s before USER", folder, owner).containsPattern(
                "install -d -o " + owner + " -g " + owner + "( -m \\d+)? " + Pattern.quote(folder) + "\\b");
        assertThat(compose("compose.yaml").path("services").path("lumbung").path("volumes").toString())
                .contains(":" + folder + "\"");
    }

    @Test
    void theDockerfileCopiesWhatTheProjectHasAndRunsTheJarItBuilds() throws Exception {
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
        Matcher copies = Pattern.compile("(?m)^COPY (?!--from)(\\S+) ").matcher(dockerfile);
        int n = 0;
        while (copies.find()) {
            assertThat(Path.of(copies.group(1))).as("COPY %s (the build context is the project)", copies.group(1))
                    .exists();
            n++;
        }
        assertThat(n).isGreaterThanOrEqualTo(4);
        assertThat(dockerfile).contains("COPY --from=build /src/target/lumbung.jar /opt/lumbung/lumbung.jar",
                "ENTRYPOINT [\"java\", \"-jar\", \"/opt/lumbung/lumbung.jar\"]", "temurin-17");
        String pom = Files.readString(Path.of("pom.xml"));
        assertThat(pom).contains("<maven.compiler.release>17</maven.compiler.release>");
    }
}
