package org.lumbung.config;

/** A setting with a bad value or an unknown key; the message names the key. Exit status 2. */
public final class SettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;

    public SettingsException(String key, String problem) {
        super("setting " + key + " (" + Settings.environmentName(key) + "): " + problem);
        this.key = key;
    }

    /** A settings file that cannot be read; no key to name. */
    public SettingsException(java.nio.file.Path file, String problem) {
        super("settings file " + file + ": " + problem);
        this.key = null;
    }

    public String key() {
        return key;
    }
}
