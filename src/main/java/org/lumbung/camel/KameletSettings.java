package org.lumbung.camel;

import java.util.Map;
import java.util.TreeMap;
import org.lumbung.config.Settings;

/**
 * A Kamelet's properties as the Lumbung settings they override, read as the application reads its own: a property
 * left empty keeps the setting's value from the environment ({@code LUMBUNG_*}, where the secrets come from), else
 * from application.properties. A Kamelet property cannot carry a secret: {@link Settings} refuses it.
 */
final class KameletSettings {

    private final Map<String, String> properties = new TreeMap<>();

    void set(String key, String value) {
        if (value == null || value.isBlank()) {
            properties.remove(key);
        } else {
            properties.put(key, value.trim());
        }
    }

    Settings settings() {
        return Settings.load(System.getenv(), properties);
    }

    /** The settings with one more setting given (a value the Kamelet derives itself). */
    Settings settings(String key, String value) {
        Map<String, String> more = new TreeMap<>(properties);
        more.put(key, value);
        return Settings.load(System.getenv(), more);
    }
}
