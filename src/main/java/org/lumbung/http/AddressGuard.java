package org.lumbung.http;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.lumbung.pipeline.FailureKind;
import org.lumbung.pipeline.KnownFailure;

/**
 * Keeps requests whose address came from harvested content (a link on a page, a sitemap entry, a redirect) or from
 * the admin API away from loopback, private, link-local and other non-public addresses: the embedded Elasticsearch
 * listens on loopback without security, and cloud metadata services on link-local. An address the operator configured
 * is trusted, and so is its host and port for what it links or redirects to; configuration can allow more hosts, or every
 * address. The host is resolved when checked; a name that resolves differently at connection time (DNS rebinding) is
 * outside what this guard sees.
 */
public final class AddressGuard {

    /** A request the guard refused: not retried, and named as such in the error. */
    public static final class BlockedAddressException extends IOException implements KnownFailure {
        private static final long serialVersionUID = 1L;

        BlockedAddressException(String message) {
            super(message);
        }

        @Override
        public FailureKind kind() {
            return FailureKind.BLOCKED;
        }
    }

    /** Refuses nothing (tests of other things, and operators who allow private addresses). */
    public static final AddressGuard ALLOW_ALL = new AddressGuard(true, List.of());

    private final boolean allowPrivate;
    private final Set<String> allowedHosts;

    public AddressGuard(boolean allowPrivate, List<String> allowedHosts) {
        this.allowPrivate = allowPrivate;
        this.allowedHosts = allowedHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** Refuses private addresses except the configured hosts. */
    public static AddressGuard publicOnly(List<String> allowedHosts) {
        return new AddressGuard(false, allowedHosts);
    }

    /**
     * Passes when the target is on the trusted host and port ({@link #authority}: the ones the operator configured;
     * null when the address came from outside, as over the admin API), on an allowed host, or resolves only to public
     * addresses.
     */
    public void check(URI target, String trusted) throws BlockedAddressException {
        String host = target.getHost();
        if (allowPrivate || host == null) {
            return;
        }
        String bare = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
        if (authority(target).equals(trusted) || allowedHosts.contains(bare)
                || allowedHosts.contains(authority(target))) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            return; // the request itself will fail as an unknown host
        }
        for (InetAddress address : addresses) {
            String kind = nonPublic(address);
            if (kind != null) {
                throw new BlockedAddressException(target + " is refused: " + host + " is " + kind + " ("
                        + address.getHostAddress() + "), and the address did not come from the operator; allow it with"
                        + " lumbung.http-client.allowed-hosts or lumbung.http-client.allow-private-addresses");
            }
        }
    }

    /** Host and port of an address, as the guard compares them: {@code host:port}, the scheme's port if none. */
    public static String authority(URI uri) {
        if (uri.getHost() == null) {
            return null;
        }
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost().toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "") + ":" + port;
    }

    /** What makes an address not public, or null when it is. */
    static String nonPublic(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address.isAnyLocalAddress()) {
            return "the unspecified address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address";
        }
        if (address.isSiteLocalAddress()) {
            return "a private address";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return "in 0.0.0.0/8";
            }
            if (first == 100 && second >= 64 && second < 128) {
                return "a shared (carrier-grade NAT) address";
            }
            if (first == 198 && (second == 18 || second == 19)) {
                return "a benchmarking address";
            }
            if (first >= 240) {
                return "a reserved address";
            }
        }
        if (address instanceof Inet6Address && (b[0] & 0xfe) == 0xfc) {
            return "a unique local address";
        }
        return null;
    }
}
