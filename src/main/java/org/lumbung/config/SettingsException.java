package org.lumbung.config;

/** A setting with a bad value; the message names the key. Exit status 2. */
public final class SettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;

    public SettingsException(String key, String problem) {
        super("setting " + key + " (" + Settings.environmentName(key) + "): " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
