package org.attributiongraph.blastradius;

import java.util.LinkedHashMap;
import java.util.function.Supplier;

import org.attributiongraph.graph.GraphModel.Tlp;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Blast radii already computed, valid while the graph has not changed. A provider's radius is asked
 * for again and again (each page, each analyst), and the graph changes only when something is
 * written; each answer is tagged with the graph version it was computed at, and a different
 * version empties the cache. Bounded by the number of clients held; least recently used first out.
 */
@Component
final class RadiusCache {

    record Key(String id, int depth, Tlp clearance) {
    }

    private final long maxClients;
    private final LinkedHashMap<Key, Radius> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long version = Long.MIN_VALUE;
    private long clients;

    RadiusCache(@Value("${graph.blast-radius.cache-clients:500000}") long maxClients) {
        this.maxClients = maxClients;
    }

    /**
     * The radius for {@code key} at {@code version}: the cached one, or {@code compute}'s, kept when
     * it fits. {@code version} must be read before {@code compute} runs: an answer computed after a
     * write then carries the older version and is dropped at the next request, never served stale.
     */
    Radius get(Key key, long version, boolean fresh, Supplier<Radius> compute) {
        synchronized (this) {
            if (version != this.version) {
                entries.clear();
                clients = 0;
                this.version = version;
            }
            Radius cached = fresh ? null : entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        Radius computed = compute.get();
        synchronized (this) {
            if (version == this.version && computed.clients().size() <= maxClients) {
                Radius old = entries.put(key, computed);
                clients += computed.clients().size() - (old == null ? 0 : old.clients().size());
                var eldest = entries.entrySet().iterator();
                while (clients > maxClients && eldest.hasNext()) {
                    clients -= eldest.next().getValue().clients().size();
                    eldest.remove();
                }
            }
        }
        return computed;
    }
}
