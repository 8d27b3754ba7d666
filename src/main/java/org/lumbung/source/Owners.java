package org.lumbung.source;

/**
 * The owners of leases (a source's, a host slot's): Lumbung workers named {@code pid@host:nonce}, unique per process.
 */
final class Owners {

    private Owners() {
    }

    /**
     * Whether {@code owner} was a Lumbung on the same machine as {@code me} whose process is gone (killed hard): its
     * leases need not be waited out. A frozen process is alive: its leases are waited out.
     */
    static boolean goneFromThisMachine(String owner, String me) {
        int at = owner.indexOf('@');
        int colon = owner.lastIndexOf(':');
        if (at <= 0 || colon <= at) {
            return false;
        }
        String host = owner.substring(at + 1, colon);
        int myAt = me.indexOf('@');
        String myHost = me.substring(myAt + 1, Math.max(me.lastIndexOf(':'), myAt + 1));
        try {
            long pid = Long.parseLong(owner.substring(0, at));
            return host.equals(myHost) && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
