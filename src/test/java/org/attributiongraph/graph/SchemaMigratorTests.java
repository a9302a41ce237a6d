package org.attributiongraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SchemaMigratorTests {

    @Test
    void splitsOnLineEndingSemicolonsAndDropsComments() {
        var statements = SchemaMigrator.statements("""
                // header
                CREATE CONSTRAINT a IF NOT EXISTS FOR (n:A) REQUIRE n.id IS UNIQUE;

                // second
                CREATE INDEX b IF NOT EXISTS
                  FOR (n:B) ON (n.x);
                """);
        assertThat(statements).containsExactly(
                "CREATE CONSTRAINT a IF NOT EXISTS FOR (n:A) REQUIRE n.id IS UNIQUE",
                "CREATE INDEX b IF NOT EXISTS\n  FOR (n:B) ON (n.x)");
    }
}
