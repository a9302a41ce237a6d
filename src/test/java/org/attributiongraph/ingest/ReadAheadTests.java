package org.attributiongraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

class ReadAheadTests {

    private static ImportService.ReadFile file(String name) {
        return new ImportService.ReadFile("csv-nodes", name, "sha", new ImportBatch(List.of(), List.of(), List.of()));
    }

    @Test
    void filesComeInOrderAndTheNextIsReadWhileTheCurrentIsWritten() throws InterruptedException {
        CountDownLatch secondRead = new CountDownLatch(1);
        List<Supplier<ImportService.ReadFile>> files = List.of(
                () -> file("a"),
                () -> {
                    secondRead.countDown();
                    return file("b");
                },
                () -> file("c"));
        List<String> written = new ArrayList<>();
        try (var ahead = new ReadAhead(files)) {
            written.add(ahead.next().file());
            // "Writing" a: b is being read meanwhile, without anyone asking for it yet.
            assertThat(secondRead.await(10, TimeUnit.SECONDS)).isTrue();
            written.add(ahead.next().file());
            written.add(ahead.next().file());
        }
        assertThat(written).containsExactly("a", "b", "c");
    }

    @Test
    void aRefusedFileThrowsAtItsTurnAndTheRestGoOn() {
        var refusal = new ImportRejectedException("b.csv", List.of(new Problem("b.csv", 3, "name", "must not be blank")));
        List<Supplier<ImportService.ReadFile>> files = List.of(() -> file("a"), () -> {
            throw refusal;
        }, () -> file("c"));
        try (var ahead = new ReadAhead(files)) {
            assertThat(ahead.next().file()).isEqualTo("a");
            assertThatThrownBy(ahead::next).isSameAs(refusal);
            assertThat(ahead.next().file()).isEqualTo("c");
        }
    }
}
