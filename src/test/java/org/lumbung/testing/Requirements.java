package org.lumbung.testing;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need a Debian package: where it is missing they are skipped, loudly (a banner on standard error naming
 * the package and the command that installs it), so that {@code mvn -B verify} passes on a machine with only a JDK and
 * Maven. CI sets {@code LUMBUNG_REQUIRE_PACKAGES=true} (or {@code -Dlumbung.require.packages=true}) after installing
 * them, which turns such a skip into a failure.
 */
public final class Requirements {

    private Requirements() {
    }

    public static boolean required() {
        return Boolean.parseBoolean(System.getProperty("lumbung.require.packages",
                System.getenv().getOrDefault("LUMBUNG_REQUIRE_PACKAGES", "false")));
    }

    /** Skips (or fails, when required) the calling test unless the packages are installed. */
    public static void debianPackages(boolean installed, String packages, String what) {
        if (installed) {
            return;
        }
        String message = what + " needs Debian's " + packages + ", which is not installed here: "
                + "apt-get install -y " + packages;
        System.err.println();
        System.err.println("********************************************************************************");
        System.err.println("* SKIPPED: " + message);
        System.err.println("********************************************************************************");
        if (required()) {
            fail(message + " (LUMBUNG_REQUIRE_PACKAGES=true: a missing package is a failure)");
        }
        Assumptions.abort(message);
    }
}
