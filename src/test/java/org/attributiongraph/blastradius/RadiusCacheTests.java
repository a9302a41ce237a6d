package org.attributiongraph.blastradius;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.attributiongraph.graph.GraphModel.Tlp;
import org.junit.jupiter.api.Test;

class RadiusCacheTests {

    private final AtomicInteger computed = new AtomicInteger();

    private Supplier<Radius> radius(int clients) {
        return () -> {
            computed.incrementAndGet();
            List<BlastRadius.Client> list = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                list.add(new BlastRadius.Client("identity--" + i, "Client " + i, 1, "US", List.of("energy")));
            }
            return Radius.of(new BlastRadius.Ref("identity--msp", "MSP"), list, List.of());
        };
    }

    private static RadiusCache.Key key(String id) {
        return new RadiusCache.Key(id, 2, Tlp.CLEAR);
    }

    @Test
    void theSameQuestionAtTheSameVersionIsComputedOnce() {
        var cache = new RadiusCache(100);
        var first = cache.get(key("a"), 7, false, radius(3));
        var second = cache.get(key("a"), 7, false, radius(3));
        assertThat(second).isSameAs(first);
        assertThat(computed).hasValue(1);
    }

    @Test
    void anotherVersionDepthOrClearanceIsComputedAgain() {
        var cache = new RadiusCache(100);
        cache.get(key("a"), 7, false, radius(3));
        cache.get(new RadiusCache.Key("a", 3, Tlp.CLEAR), 7, false, radius(3));
        cache.get(new RadiusCache.Key("a", 2, Tlp.RED), 7, false, radius(3));
        assertThat(computed).hasValue(3);
        cache.get(key("a"), 8, false, radius(3));
        assertThat(computed).hasValue(4);
        // The new version emptied the cache: the other two are computed again too.
        cache.get(new RadiusCache.Key("a", 3, Tlp.CLEAR), 8, false, radius(3));
        assertThat(computed).hasValue(5);
    }

    @Test
    void freshComputesAgainAndKeepsTheNewAnswer() {
        var cache = new RadiusCache(100);
        var first = cache.get(key("a"), 7, false, radius(3));
        var fresh = cache.get(key("a"), 7, true, radius(3));
        assertThat(fresh).isNotSameAs(first);
        assertThat(cache.get(key("a"), 7, false, radius(3))).isSameAs(fresh);
        assertThat(computed).hasValue(2);
    }

    @Test
    void theLeastRecentlyUsedGoFirstWhenTheClientsExceedTheBound() {
        var cache = new RadiusCache(10);
        cache.get(key("a"), 1, false, radius(4));
        cache.get(key("b"), 1, false, radius(4));
        cache.get(key("a"), 1, false, radius(4)); // a is now the most recently used
        cache.get(key("c"), 1, false, radius(4)); // 12 clients: b goes
        assertThat(computed).hasValue(3);
        cache.get(key("a"), 1, false, radius(4));
        cache.get(key("c"), 1, false, radius(4));
        assertThat(computed).hasValue(3);
        cache.get(key("b"), 1, false, radius(4));
        assertThat(computed).hasValue(4);
    }

    @Test
    void aRadiusLargerThanTheBoundIsNotKeptAndZeroTurnsTheCacheOff() {
        var small = new RadiusCache(5);
        small.get(key("a"), 1, false, radius(6));
        small.get(key("a"), 1, false, radius(6));
        assertThat(computed).hasValue(2);
        var off = new RadiusCache(0);
        off.get(key("b"), 1, false, radius(1));
        off.get(key("b"), 1, false, radius(1));
        assertThat(computed).hasValue(4);
    }

    @Test
    void anAnswerComputedWhileTheVersionMovedIsNotKept() {
        var cache = new RadiusCache(100);
        // Version 1 is read, then another request sees version 2 before the first one stores its answer.
        cache.get(key("a"), 1, false, () -> {
            cache.get(key("b"), 2, false, radius(1));
            return radius(1).get();
        });
        assertThat(computed).hasValue(2);
        cache.get(key("a"), 2, false, radius(1));
        assertThat(computed).hasValue(3);
    }

    /** A computation that starts, then holds until released, then answers or fails. */
    private final class Held implements Supplier<Radius> {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final RuntimeException failure;

        Held(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public Radius get() {
            started.countDown();
            try {
                assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            if (failure != null) {
                computed.incrementAndGet();
                throw failure;
            }
            return radius(2).get();
        }
    }

    /** A request on a thread of its own, which ends with it: a parked thread is one still waiting. */
    private record Request(FutureTask<Radius> answer, Thread thread) {
        static Request start(Callable<Radius> call) {
            var answer = new FutureTask<>(call);
            return new Request(answer, Thread.ofPlatform().start(answer));
        }
    }

    /** Waits until {@code thread} is parked (waiting for another request's computation), or fails. */
    private static void awaitParked(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(thread.getState()).as("a request waits for the computation in progress").isEqualTo(Thread.State.WAITING);
    }

    @Test
    void requestsArrivingDuringAComputationWaitForItInsteadOfComputingAgain() throws Exception {
        var cache = new RadiusCache(100);
        var held = new Held(null);
        var first = Request.start(() -> cache.get(key("a"), 7, false, held));
        assertThat(held.started.await(10, TimeUnit.SECONDS)).isTrue();
        var second = Request.start(() -> cache.get(key("a"), 7, false, radius(2)));
        awaitParked(second.thread());
        // Asking afresh waits too: the computation in progress started at the same version.
        var fresh = Request.start(() -> cache.get(key("a"), 7, true, radius(2)));
        awaitParked(fresh.thread());
        held.release.countDown();
        var answer = first.answer().get(10, TimeUnit.SECONDS);
        assertThat(second.answer().get(10, TimeUnit.SECONDS)).isSameAs(answer);
        assertThat(fresh.answer().get(10, TimeUnit.SECONDS)).isSameAs(answer);
        assertThat(computed).as("one walk for the three requests").hasValue(1);
        // Once it is done, asking afresh walks again.
        assertThat(cache.get(key("a"), 7, true, radius(2))).isNotSameAs(answer);
        assertThat(computed).hasValue(2);
    }

    @Test
    void aFailedComputationFailsItsWaitersTooAndIsNotKept() throws Exception {
        var cache = new RadiusCache(100);
        var held = new Held(new IllegalArgumentException("no such provider"));
        var first = Request.start(() -> cache.get(key("a"), 7, false, held));
        assertThat(held.started.await(10, TimeUnit.SECONDS)).isTrue();
        var second = Request.start(() -> cache.get(key("a"), 7, false, radius(2)));
        awaitParked(second.thread());
        held.release.countDown();
        for (var request : List.of(first, second)) {
            assertThatThrownBy(() -> request.answer().get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(IllegalArgumentException.class).hasMessage("no such provider");
        }
        assertThat(computed).hasValue(1);
        cache.get(key("a"), 7, false, radius(2));
        assertThat(computed).as("the failure was not kept: asked again, it is computed").hasValue(2);
    }

    @Test
    void pagesAreCutFromTheWholeRadiusWithCountsOverAllOfIt() {
        List<BlastRadius.Client> clients = List.of(
                new BlastRadius.Client("id-3", "Zulu", 2, "DE", List.of("energy")),
                new BlastRadius.Client("id-2", null, 1, null, List.of()),
                new BlastRadius.Client("id-1", "Bravo", 1, "US", List.of("energy", "health")),
                new BlastRadius.Client("id-0", "Bravo", 1, "US", List.of("health")));
        var radius = Radius.of(new BlastRadius.Ref("m", "M"), clients, List.of());
        var page = radius.page(2, 1, 2);
        assertThat(page.clients()).extracting(BlastRadius.Client::id).containsExactly("id-1", "id-2");
        assertThat(page.clientCount()).isEqualTo(4);
        assertThat(page.truncated()).isTrue();
        assertThat(page.byHops()).containsExactly(org.assertj.core.api.Assertions.entry(1, 3L), org.assertj.core.api.Assertions.entry(2, 1L));
        assertThat(page.byCountry().keySet()).containsExactly("US", "DE");
        assertThat(page.bySector().keySet()).containsExactly("energy", "health");
        assertThat(radius.page(2, 3, 5).truncated()).isFalse();
        assertThat(radius.page(2, 9, 5).clients()).isEmpty();
    }
}
