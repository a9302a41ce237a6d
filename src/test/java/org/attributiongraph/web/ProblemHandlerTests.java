package org.attributiongraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.attributiongraph.ingest.ImportLimitException;
import org.attributiongraph.ingest.ImportRejectedException;
import org.attributiongraph.ingest.Problem;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ClientException;
import org.springframework.util.unit.DataSize;

/** The mappings of the problem handler that the integration suites cannot provoke cheaply. */
class ProblemHandlerTests {

    private final ProblemHandler handler = new ProblemHandler(DataSize.ofMegabytes(64));

    /** The error QueryTimeoutIT gets from the database for a query past its timeout. */
    @Test
    void aTransactionTimeoutIs503SayingWhatToDo() {
        var problem = handler.database(new ClientException("Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
                "The transaction has been terminated. Retry your operation in a new transaction"));

        assertThat(problem.getStatus()).isEqualTo(503);
        assertThat(problem.getTitle()).isEqualTo("Query timed out");
        assertThat(problem.getDetail()).contains("longer than the configured timeout").doesNotContain("Neo.ClientError");
    }

    /** ImportCommandIT provokes it through the command; over HTTP it is a 503 naming the file and the setting. */
    @Test
    void anImportPastItsTimeoutIs503NamingTheFileAndTheSetting() {
        var problem = handler.importLimit(ImportLimitException.time("providers.csv", Duration.ofMinutes(5),
                new ClientException("Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration", "terminated")));

        assertThat(problem.getStatus()).isEqualTo(503);
        assertThat(problem.getTitle()).isEqualTo("Import timed out");
        assertThat(problem.getDetail()).isEqualTo("providers.csv: the import did not finish within 5m (GRAPH_IMPORT_TIMEOUT); "
                + "nothing was imported. Raise the timeout or split the file.");
    }

    /** ImportCommandIT provokes it in a small heap; over HTTP it is a 413 naming the file and the limit. */
    @Test
    void anImportAboveTheTransactionMemoryIs413NamingTheFileAndTheLimit() {
        var problem = handler.importLimit(ImportLimitException.memory("providers.csv",
                new ClientException("Neo.TransientError.General.MemoryPoolOutOfMemoryError", "limit reached")));

        assertThat(problem.getStatus()).isEqualTo(413);
        assertThat(problem.getTitle()).isEqualTo("Import too large");
        assertThat(problem.getDetail()).startsWith("providers.csv: the import needs more transaction memory than this server allows")
                .endsWith("Split the file or give the JVM more heap (-Xmx).");
    }

    @Test
    void anyOtherDatabaseErrorIs500WithoutItsText() {
        var problem = handler.database(new ClientException("Neo.ClientError.Statement.SyntaxError", "Invalid input 'MATCH'"));

        assertThat(problem.getStatus()).isEqualTo(500);
        assertThat(problem.getDetail()).doesNotContain("Invalid input");
    }

    @Test
    void aRejectedFileListsAtMostAThousandProblemsAndCountsTheRest() {
        var problems = java.util.stream.IntStream.range(0, 2500)
                .mapToObj(i -> new Problem("bad.csv", i + 2, null, "line " + (i + 2) + ": expected 6 fields")).toList();

        var problem = handler.rejected(new ImportRejectedException("bad.csv", problems));

        assertThat(problem.getDetail()).isEqualTo("bad.csv: 2500 problem(s); nothing was imported");
        assertThat((List<?>) problem.getProperties().get("problems")).hasSize(1000);
        assertThat(problem.getProperties()).containsEntry("problemsNotListed", 1500);
    }

    @Test
    void detailsQuoteCallerInputShortAndPrintable() {
        var problem = handler.notFound(new NotFoundException("No entity with id " + "\u0000".repeat(3) + "A".repeat(5000)));

        assertThat(problem.getDetail()).startsWith("No entity with id ???AAA").hasSizeLessThan(1100).endsWith("(5021 characters)");
    }
}
