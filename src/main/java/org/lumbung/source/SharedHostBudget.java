package org.lumbung.source;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.lumbung.index.ConditionalUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A host's budget shared by every Lumbung worker on the cluster: {@code perHost} slot documents per host in the
 * {@code <prefix>-hosts} index, each a lease naming the worker whose run holds it, taken with a conditional write,
 * renewed every third of the lease while the run goes on, given back when it ends. A slot whose holder died or froze
 * expires with its lease (or at once when the holder was a process on this machine that is gone), so a dead worker
 * never closes a host for good. Sources of local files ({@code source:<id>}) reach no host and take no slot.
 */
public final class SharedHostBudget implements HostBudget, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.sources");

    /** One slot of a host: free when its owner is null or its lease expired. */
    public record Slot(String host, String owner, String expiresAt) {
    }

    private final ElasticsearchClient client;
    private final String index;
    private final String instance;
    private final int perHost;
    private final Duration lease;
    /** Slot document ids this worker holds, with their host. */
    private final Map<String, String> held = new ConcurrentHashMap<>();
    private final AtomicLong conflicts = new AtomicLong();
    private final AtomicLong refusals = new AtomicLong();
    private final LeaseRenewer<String> renewer;

    public SharedHostBudget(ElasticsearchClient client, String index, String instance, int perHost, Duration lease) {
        this.client = client;
        this.index = index;
        this.instance = instance;
        this.perHost = perHost;
        this.lease = lease;
        this.renewer = new LeaseRenewer<>("lumbung-host-slot-renewal", lease, held, this::renew,
                (slot, host) -> "host " + host);
    }

    static String slotId(String host, int slot) {
        return HexFormat.of().formatHex(host.getBytes(StandardCharsets.UTF_8)) + "-" + slot;
    }

    @Override
    public boolean take(String host) {
        if (host.startsWith("source:")) {
            return true;
        }
        for (int i = 0; i < perHost; i++) {
            String id = slotId(host, i);
            if (held.containsKey(id)) {
                continue;
            }
            Instant now = Instant.now();
            Slot mine = new Slot(host, instance, now.plus(lease).toString());
            Slot after = ConditionalUpdate.apply(client, index, id, Slot.class, () -> new Slot(host, null, null),
                    s -> free(s, now) ? mine : s, conflicts);
            if (after.equals(mine)) {
                held.put(id, host);
                renewer.start();
                return true;
            }
        }
        refusals.incrementAndGet();
        return false;
    }

    private boolean free(Slot s, Instant now) {
        return s.owner() == null || !Instant.parse(s.expiresAt()).isAfter(now)
                || s.owner().equals(instance) || Owners.goneFromThisMachine(s.owner(), instance);
    }

    @Override
    public void give(String host) {
        if (host.startsWith("source:")) {
            return;
        }
        String id = held.entrySet().stream().filter(e -> e.getValue().equals(host)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
        if (id == null || held.remove(id) == null) {
            return;
        }
        try {
            ConditionalUpdate.apply(client, index, id, Slot.class, () -> new Slot(host, null, null),
                    s -> instance.equals(s.owner()) ? new Slot(host, null, null) : s, conflicts);
        } catch (UncheckedIOException | IllegalStateException e) {
            LOG.warn("host {}: cannot give its slot back now ({}); it expires within lumbung.harvest.lease", host,
                    e.getMessage());
        }
    }

    private void renew(String id, String host) {
        Slot after = ConditionalUpdate.apply(client, index, id, Slot.class, () -> new Slot(host, null, null),
                s -> instance.equals(s.owner()) ? new Slot(host, instance, Instant.now().plus(lease).toString()) : s,
                conflicts);
        if (!instance.equals(after.owner())) {
            LOG.warn("host {}: this worker's slot was taken over (its lease expired unrenewed)", host);
            held.remove(id);
        }
    }

    /** Slots refused because every slot of the host was held (runs put back to wait), and conflicts met. */
    public long refusals() {
        return refusals.get();
    }

    public long conflicts() {
        return conflicts.get();
    }

    @Override
    public void close() {
        renewer.close();
    }
}
