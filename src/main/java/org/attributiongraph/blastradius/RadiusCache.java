package org.attributiongraph.blastradius;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.attributiongraph.graph.GraphModel.Tlp;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Blast radii already computed, valid while the graph has not changed. A provider's radius is asked
 * for again and again (each page, each analyst), and the graph changes only when something is
 * written; each answer is tagged with the graph version it was computed at, and a different
 * version empties the cache. Bounded by the number of clients held; least recently used first out.
 * Requests for a radius already being computed wait for that computation instead of starting
 * another: the first request after a write to a large graph may take seconds, and analysts open
 * the same provider together.
 */
@Component
final class RadiusCache {

    record Key(String id, int depth, Tlp clearance) {
    }

    private final long maxClients;
    private final LinkedHashMap<Key, Radius> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<Key, CompletableFuture<Radius>> computing = new HashMap<>();
    private long version = Long.MIN_VALUE;
    private long clients;

    RadiusCache(@Value("${graph.blast-radius.cache-clients:500000}") long maxClients) {
        this.maxClients = maxClients;
    }

    /**
     * The radius for {@code key} at {@code version}: the cached one, or {@code compute}'s, kept when
     * it fits. {@code version} must be read before {@code compute} runs: an answer computed after a
     * write then carries the older version and is dropped at the next request, never served stale.
     * {@code fresh} skips the kept answer but still waits for a computation in progress: started at
     * the same version, it gives the same answer, and a flood of such requests walks once at a time.
     */
    Radius get(Key key, long version, boolean fresh, Supplier<Radius> compute) {
        CompletableFuture<Radius> running;
        CompletableFuture<Radius> mine = null;
        synchronized (this) {
            if (version != this.version) {
                entries.clear();
                computing.clear();
                clients = 0;
                this.version = version;
            }
            Radius cached = fresh ? null : entries.get(key);
            if (cached != null) {
                return cached;
            }
            running = computing.get(key);
            if (running == null) {
                mine = new CompletableFuture<>();
                computing.put(key, mine);
            }
        }
        if (running != null) {
            return await(running);
        }
        Radius computed;
        try {
            computed = compute.get();
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                computing.remove(key, mine);
            }
            mine.completeExceptionally(e);
            throw e;
        }
        synchronized (this) {
            computing.remove(key, mine);
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
        mine.complete(computed);
        return computed;
    }

    /** The waiting request fails as the computing one did (404, 503, ...). */
    private static Radius await(CompletableFuture<Radius> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }
}
