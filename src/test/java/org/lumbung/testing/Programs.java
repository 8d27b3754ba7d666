package org.lumbung.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Other programs that read what Lumbung writes (Debian's parsers): whether one is there, and what it prints. */
public final class Programs {

    private Programs() {
    }

    /** Whether Debian's Python 3 imports the module (a package such as python3-pybtex installed). */
    public static boolean pythonModule(String module) {
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import " + module).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    /** Runs the command with the input on its standard input; its standard output, after it ended with 0. */
    public static String run(String input, String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var in = p.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s ended", command[0]).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
