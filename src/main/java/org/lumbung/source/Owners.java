package org.lumbung.source;

/**
 * The owners of leases (a source's, a host slot's): Lumbung workers named {@code pid@host:jvm-n}, where {@code jvm} is
 * drawn at random when the JVM starts and {@code n} counts the workers of that JVM (tests run several in one).
 */
final class Owners {

    private Owners() {
    }

    /**
     * Whether {@code owner} was a Lumbung on the same machine as {@code me} whose process is gone (killed hard): its
     * leases need not be waited out. Gone when no process has its pid any more, or when its pid is this very process
     * but it was another JVM: a container restarted keeps its host name and runs Lumbung as pid 1 again. A frozen
     * process is alive: its leases are waited out.
     */
    static boolean goneFromThisMachine(String owner, String me) {
        Name theirs = Name.parse(owner);
        Name mine = Name.parse(me);
        if (theirs == null || mine == null || !theirs.host().equals(mine.host())) {
            return false;
        }
        if (theirs.pid() == mine.pid()) {
            return !theirs.jvm().equals(mine.jvm());
        }
        return ProcessHandle.of(theirs.pid()).map(h -> !h.isAlive()).orElse(true);
    }

    private record Name(long pid, String host, String jvm) {
        static Name parse(String name) {
            int at = name.indexOf('@');
            int colon = name.lastIndexOf(':');
            if (at <= 0 || colon <= at) {
                return null;
            }
            String rest = name.substring(colon + 1);
            int dash = rest.indexOf('-');
            try {
                return new Name(Long.parseLong(name.substring(0, at)), name.substring(at + 1, colon),
                        dash < 0 ? rest : rest.substring(0, dash));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
