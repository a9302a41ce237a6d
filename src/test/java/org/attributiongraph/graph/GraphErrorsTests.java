package org.attributiongraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.TransientException;

/** How the server's error codes are told apart: a timeout, a termination (a timeout caught waiting for a lock), a memory limit. */
class GraphErrorsTests {

    @Test
    void aTimeoutCaughtWaitingForALockReadsAsATermination() {
        var timedOut = new ClientException("Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration", "timed out");
        var terminated = new ClientException("Neo.ClientError.Transaction.Terminated", "The transaction has been terminated.");
        var lockStopped = new TransientException("Neo.TransientError.Transaction.LockClientStopped", "no more locks can be acquired");
        var syntax = new ClientException("Neo.ClientError.Statement.SyntaxError", "Invalid input");

        assertThat(Graph.timedOut(timedOut)).isTrue();
        assertThat(Graph.terminated(timedOut)).isFalse();
        assertThat(Graph.terminated(terminated)).isTrue();
        assertThat(Graph.terminated(lockStopped)).isTrue();
        assertThat(Graph.timedOut(terminated)).isFalse();
        assertThat(Graph.terminated(syntax)).isFalse();
        assertThat(Graph.outOfMemory(syntax)).isFalse();
    }
}
