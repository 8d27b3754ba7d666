package org.lumbung.es.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.junit.jupiter.api.Test;

/**
 * The plugin ships named_components.json (generating it at install time ran out of memory): it must list exactly the
 * {@code @NamedComponent} classes of the plugin's package, under their names.
 */
class NamedComponentsTest {

    @Test
    void namedComponentsJsonListsEveryComponentClassUnderItsName() throws Exception {
        JsonNode json = new ObjectMapper().readTree(Path.of("src/main/plugin/named_components.json").toFile());
        Map<String, String> listed = new HashMap<>();
        json.get(TokenFilterFactory.class.getName()).properties()
                .forEach(e -> listed.put(e.getKey(), e.getValue().asText()));

        Map<String, String> found = new HashMap<>();
        Path classes = Path.of(AsciiFoldingFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("org/lumbung/es/analysis");
        try (Stream<Path> files = Files.list(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = "org.lumbung.es.analysis." + file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName(name);
                NamedComponent named = type.getAnnotation(NamedComponent.class);
                if (named != null) {
                    assertThat(TokenFilterFactory.class).isAssignableFrom(type);
                    found.put(named.value(), name);
                }
            }
        }
        assertThat(listed).isEqualTo(found).hasSize(4);
        assertThat(found.keySet()).allMatch(n -> n.startsWith("lumbung_"));
    }
}
