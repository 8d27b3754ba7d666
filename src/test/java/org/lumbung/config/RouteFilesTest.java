package org.lumbung.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.BeanDefinition;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.SplitDefinition;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every route file under camel-routes/, read by Camel's own YAML loader as Camel Main reads it, without starting
 * anything: a typo in a bean name, a {@code direct:} with no consumer or a file in a folder no mode loads shows here
 * in a second, not as a start-up failure of one command in one IT.
 */
class RouteFilesTest {

    private static final Path ROUTES = Path.of("camel-routes");
    private static final String PACKAGED = "lumbung/camel-routes/";
    private static final Path CAMEL_APP = Path.of("src/main/java/org/lumbung/config/CamelApp.java");
    private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    /** Producers written in Java (the commands, CamelApp's sinks, the replayer). */
    private static final Pattern JAVA_ENDPOINT = Pattern.compile("\"((?:direct|seda):[a-z0-9-]+)");
    /** A bean bound by name for the routes; they are bound from live components, which a unit test does not have. */
    private static final Pattern BOUND = Pattern.compile("\\.bind\\(\"([A-Za-z0-9]+)\"");

    private static DefaultCamelContext camel;
    /** What each file defines, by its path relative to camel-routes/. */
    private static final Map<String, RouteFile> FILES = new HashMap<>();

    /** One file's definitions, loaded into a context of its own so that each id is known to come from it. */
    private record RouteFile(String path, List<RouteDefinition> routes, List<RouteTemplateDefinition> templates,
            List<RouteConfigurationDefinition> configurations) {

        String stem() {
            String name = Path.of(path).getFileName().toString();
            return name.substring(0, name.length() - ".camel.yaml".length());
        }

        /** The routes and the routes the templates make: the same steps either way. */
        Stream<RouteDefinition> allRoutes() {
            return Stream.concat(routes.stream(), templates.stream().map(RouteTemplateDefinition::getRoute));
        }
    }

    @BeforeAll
    static void startLoader() {
        camel = new DefaultCamelContext();
        camel.build();
    }

    @AfterAll
    static void stopLoader() throws IOException {
        camel.close();
    }

    @Test
    void everyRouteFileIsLoadedByAMode() throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(ROUTES)) {
            walk.filter(p -> p.toString().endsWith(".camel.yaml")).forEach(p -> files.add(relative(p)));
        }
        Set<String> loaded = new TreeSet<>();
        loaded.addAll(load(false).keySet());
        loaded.addAll(load(true).keySet());
        assertThat(loaded).as("route files that no mode loads are dead").isEqualTo(files);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void thePackagedRoutesAreTheFolderTheyComeFrom(boolean serve) throws IOException {
        // The jar carries camel-routes/ as lumbung/camel-routes (pom.xml); Camel scans a class path folder
        // differently from a file system one (it descends into sub-folders), so each mode is compared.
        Set<String> packaged = new TreeSet<>();
        for (Resource r : resources(CamelApp.routesIncludePattern(Optional.empty(), serve))) {
            String location = r.getLocation();
            packaged.add(location.substring(location.indexOf(PACKAGED) + PACKAGED.length()));
        }
        assertThat(packaged).isEqualTo(load(serve).keySet());
    }

    @Test
    void theOneShotCommandsLeaveTheServerRoutesOut() throws IOException {
        assertThat(load(false).keySet()).containsExactlyInAnyOrder(
                "pipeline/harvest.camel.yaml", "pipeline/index.camel.yaml", "pipeline/landing.camel.yaml");
        assertThat(load(true).keySet()).contains("server/serve.camel.yaml", "server/errors.camel.yaml")
                .containsAll(load(false).keySet());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void routeIdsAreKebabCaseAndStartWithTheirFilesStem(boolean serve) throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (RouteFile file : load(serve).values()) {
            List<String> ids = new ArrayList<>();
            file.routes().forEach(r -> ids.add(r.getRouteId()));
            file.templates().forEach(t -> ids.add(t.getId()));
            for (String id : ids) {
                if (id == null || !KEBAB.matcher(id).matches() || !id.startsWith(file.stem() + "-")) {
                    problems.add(file.path() + ": route id " + id + " is not kebab-case " + file.stem() + "-...");
                } else if (!seen.add(id)) {
                    problems.add(file.path() + ": route id " + id + " is used twice");
                }
            }
            for (RouteConfigurationDefinition c : file.configurations()) {
                if (c.getId() == null || !KEBAB.matcher(c.getId()).matches()) {
                    problems.add(file.path() + ": route configuration id " + c.getId() + " is not kebab-case");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyBeanEndpointAndErrorPolicyNamedResolves(boolean serve) throws IOException {
        Collection<RouteFile> files = load(serve).values();
        Set<String> consumers = new TreeSet<>();
        Set<String> configurations = new TreeSet<>();
        for (RouteFile file : files) {
            file.allRoutes().forEach(r -> consumers.add(endpoint(r.getInput().getEndpointUri())));
            file.configurations().forEach(c -> configurations.add(c.getId()));
        }
        Set<String> beans = boundBeans();
        List<String> problems = new ArrayList<>();
        for (RouteFile file : files) {
            List<ProcessorDefinition<?>> steps = new ArrayList<>();
            file.allRoutes().forEach(r -> {
                steps.addAll(r.getOutputs());
                String configuration = r.getRouteConfigurationId();
                if (configuration != null && !configurations.contains(configuration)) {
                    problems.add(file.path() + ": " + r.getRouteId() + " names no route configuration "
                            + configuration);
                }
            });
            for (RouteConfigurationDefinition c : file.configurations()) {
                for (OnExceptionDefinition clause : c.getOnExceptions()) {
                    steps.addAll(clause.getOutputs());
                    for (String type : clause.getExceptions()) {
                        classNamed(type, file.path(), problems);
                    }
                }
            }
            for (BeanDefinition bean : ProcessorDefinitionHelper.filterTypeInOutputs(steps, BeanDefinition.class)) {
                if (!beans.contains(bean.getRef())) {
                    problems.add(file.path() + ": no bean is bound as " + bean.getRef());
                }
            }
            for (ToDefinition to : ProcessorDefinitionHelper.filterTypeInOutputs(steps, ToDefinition.class)) {
                String target = endpoint(to.getEndpointUri());
                if (isInternal(target) && !consumers.contains(target)) {
                    problems.add(file.path() + ": nothing consumes " + target);
                }
            }
            for (SplitDefinition split : ProcessorDefinitionHelper.filterTypeInOutputs(steps, SplitDefinition.class)) {
                String strategy = split.getAggregationStrategy();
                if (strategy != null && strategy.startsWith("#class:")) {
                    classNamed(strategy.substring("#class:".length()), file.path(), problems);
                }
            }
        }
        // Java's sends are checked against the server's routes, which hold the pipeline's: the scheduler's
        // direct:source-run exists only there, and the one-shot commands' ITs start the pipeline's sends.
        Matcher java = JAVA_ENDPOINT.matcher(serve ? sources() : "");
        while (java.find()) {
            if (!consumers.contains(java.group(1))) {
                problems.add("src/main/java sends to " + java.group(1) + ", which no route consumes");
            }
        }
        assertThat(problems).isEmpty();
    }

    /** The files a mode loads, found as Camel Main finds them, each parsed by Camel's YAML loader. */
    private static Map<String, RouteFile> load(boolean serve) throws IOException {
        Map<String, RouteFile> mode = new TreeMap<>();
        for (Resource resource : resources(CamelApp.routesIncludePattern(Optional.of(ROUTES), serve))) {
            String path = relative(Path.of(resource.getLocation().substring("file:".length())));
            mode.put(path, FILES.computeIfAbsent(path, p -> parse(resource, p)));
        }
        return mode;
    }

    private static RouteFile parse(Resource resource, String path) {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.build();
            PluginHelper.getRoutesLoader(context).loadRoutes(resource);
            return new RouteFile(path, List.copyOf(context.getRouteDefinitions()),
                    List.copyOf(context.getRouteTemplateDefinitions()),
                    List.copyOf(context.getRouteConfigurationDefinitions()));
        } catch (Exception e) {
            throw new AssertionError(path + " does not load: " + e.getMessage(), e);
        }
    }

    private static List<Resource> resources(String includePattern) throws IOException {
        List<Resource> found = new ArrayList<>();
        try {
            for (String pattern : includePattern.split(",")) {
                found.addAll(PluginHelper.getPackageScanResourceResolver(camel).findResources(pattern));
            }
        } catch (Exception e) {
            throw new IOException("cannot list " + includePattern, e);
        }
        return found;
    }

    private static String relative(Path file) {
        return ROUTES.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString()
                .replace('\\', '/');
    }

    /** {@code seda:source-run?waitForTaskToComplete=Never} and {@code seda:source-run} are one queue. */
    private static String endpoint(String uri) {
        int query = uri.indexOf('?');
        return (query < 0 ? uri : uri.substring(0, query)).replaceFirst("^(direct|seda):/*", "$1:");
    }

    private static boolean isInternal(String endpoint) {
        return endpoint.startsWith("direct:") || endpoint.startsWith("seda:");
    }

    private static void classNamed(String name, String file, List<String> problems) {
        try {
            Class.forName(name, false, RouteFilesTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            problems.add(file + ": no class " + name);
        }
    }

    private static Set<String> boundBeans() throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher bind = BOUND.matcher(Files.readString(CAMEL_APP, StandardCharsets.UTF_8));
        while (bind.find()) {
            names.add(bind.group(1));
        }
        assertThat(names).as("beans bound in " + CAMEL_APP).isNotEmpty();
        return names;
    }

    private static String sources() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> walk = Files.walk(Path.of("src/main/java"))) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(p, StandardCharsets.UTF_8)).append('\n');
            }
        }
        return all.toString();
    }
}
