package org.attributiongraph.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.attributiongraph.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/** Every query file compiles against the real database, and the catalog holds exactly the files of cypher/. */
class CypherFilesIT extends IntegrationTest {

    @Autowired
    Driver driver;

    @Autowired
    CypherCatalog catalog;

    @Test
    void everyQueryFilePassesExplain() {
        var queries = catalog.all().entrySet().stream().filter(e -> !e.getKey().startsWith("schema/")).toList();
        assertThat(queries).hasSizeGreaterThan(5);
        try (var session = driver.session()) {
            for (var query : queries) {
                assertThatCode(() -> session.run("EXPLAIN " + query.getValue()).consume())
                        .as("cypher/" + query.getKey() + ".cypher").doesNotThrowAnyException();
            }
        }
    }

    @Test
    void catalogLoadsEveryFileOfTheCypherFolder() throws IOException {
        List<String> onDisk;
        try (Stream<Path> files = Files.walk(Path.of("cypher"))) {
            onDisk = files.filter(p -> p.toString().endsWith(".cypher"))
                    .map(p -> Path.of("cypher").relativize(p).toString().replace(".cypher", ""))
                    .sorted().toList();
        }
        assertThat(catalog.all().keySet()).containsExactlyElementsOf(onDisk);
    }

    @Test
    void chainsFollowExactlyTheResponsibilityTypesOfTheModel() {
        String chains = catalog.get("attribution/chains");
        String pattern = chains.substring(chains.indexOf("[r:") + 3, chains.indexOf("]->(step)"));
        assertThat(Set.of(pattern.split("\\|"))).isEqualTo(GraphModel.RelType.responsibility().stream()
                .map(Enum::name).collect(Collectors.toSet()));
    }

    @Test
    void schemaIsInPlace() {
        try (var session = driver.session()) {
            var constraints = session.run("SHOW CONSTRAINTS YIELD labelsOrTypes RETURN labelsOrTypes[0] AS label")
                    .list(r -> r.get("label").asString());
            assertThat(constraints).contains("Entity", "Country", "Agency", "Organization", "Person", "ThreatGroup",
                    "Campaign", "Incident", "Software", "Sector", "Source");
            var fulltext = session.run("SHOW FULLTEXT INDEXES YIELD name, state RETURN name, state").list(r -> r.get("name").asString() + ":" + r.get("state").asString());
            assertThat(fulltext).contains("entity_names:ONLINE");
        }
    }
}
