package org.attributiongraph.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.LongStream;

import org.attributiongraph.ingest.Commit;
import org.junit.jupiter.api.Test;

class TimingsTests {

    @Test
    void medianAndP99AreNearestRanks() {
        // 1..100 ms, shuffled: the median is the 50th value, the p99 the 99th.
        long[] nanos = LongStream.rangeClosed(1, 100).map(i -> ((i * 37) % 100 + 1) * 1_000_000).toArray();
        var t = Timings.of(nanos);
        assertThat(t.p50Ms()).isEqualTo(50.0);
        assertThat(t.p99Ms()).isEqualTo(99.0);
        assertThat(t.count()).isEqualTo(100);
    }

    @Test
    void oneValueIsEveryPercentile() {
        var t = Timings.of(new long[] {3_000_000});
        assertThat(t.p50Ms()).isEqualTo(3.0);
        assertThat(t.p99Ms()).isEqualTo(3.0);
    }

    @Test
    void noValuesIsAnError() {
        assertThatThrownBy(() -> Timings.of(new long[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void optionsHaveDefaultsAndBounds() {
        var defaults = BenchCommand.parse(List.of());
        assertThat(defaults.orgs()).isEqualTo(1_000_000);
        assertThat(defaults.queries()).isEqualTo(100);
        assertThat(defaults.warmupSeconds()).isEqualTo(15);
        assertThat(defaults.commit()).isEqualTo(Commit.BATCH);
        assertThat(defaults.ingestRounds()).isEqualTo(1);
        var given = BenchCommand.parse(List.of("--orgs", "100_000", "--queries", "20", "--warmup-seconds", "0", "--ingest-rounds", "3", "--commit", "file", "--keep",
                "--graph.page-cache=1g"));
        assertThat(given.orgs()).isEqualTo(100_000);
        assertThat(given.commit()).isEqualTo(Commit.FILE);
        assertThat(given.warmupSeconds()).isZero();
        assertThat(given.keep()).isTrue();
        assertThat(given.ingestRounds()).isEqualTo(3);
        assertThat(given.properties()).containsExactly("--graph.page-cache=1g");
        assertThat(BenchCommand.parse(List.of("--help"))).isNull();
        assertThatThrownBy(() -> BenchCommand.parse(List.of("--orgs", "10"))).hasMessageContaining("at least 1000");
        assertThatThrownBy(() -> BenchCommand.parse(List.of("--orgs"))).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BenchCommand.parse(List.of("--queries", "x"))).hasMessageContaining("needs a number");
        assertThatThrownBy(() -> BenchCommand.parse(List.of("extra"))).hasMessageContaining("unknown argument");
        assertThatThrownBy(() -> BenchCommand.parse(List.of("--warmup-seconds", "-1"))).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> BenchCommand.parse(List.of("--ingest-rounds", "0"))).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> BenchCommand.parse(List.of("--commit", "row"))).hasMessageContaining("batch or file");
        assertThatThrownBy(() -> BenchCommand.parse(List.of("--graph.uri=bolt://db:7687"))).hasMessageContaining("never on --graph.uri");
    }

    @Test
    void theIngestFiguresAreTheMedianRounds() {
        // Baselines of 10 s for 100 rows; the pipeline took 11.1, 14.3 and 12.5 s: ratios 0.9, 0.7, 0.8.
        IntFunction<IngestBench.Round> round = millis -> new IngestBench.Round(new IngestBench.Rate(100, 10_000_000_000L, null),
                new IngestBench.Rate(100, millis * 1_000_000L, null));
        var rounds = List.of(round.apply(11_111), round.apply(14_286), round.apply(12_500));
        assertThat(IngestBench.median(rounds)).isSameAs(rounds.get(2));
        assertThat(IngestBench.median(rounds.subList(0, 2))).as("the lower of two").isSameAs(rounds.get(1));
        assertThat(IngestBench.median(rounds.subList(0, 1))).isSameAs(rounds.get(0));
    }
}
