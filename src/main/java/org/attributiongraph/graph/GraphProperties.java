package org.attributiongraph.graph;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the graph lives and how it is reached. An empty {@code uri} means: start Neo4j in-process
 * under {@code dataDir} and reach it over Bolt on loopback.
 */
@ConfigurationProperties("graph")
public record GraphProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("") String uri,
        @DefaultValue("neo4j") String username,
        @DefaultValue("") String password,
        @DefaultValue("10s") Duration queryTimeout,
        @DefaultValue("5m") Duration importTimeout,
        @DefaultValue("256m") String pageCache,
        @DefaultValue("true") boolean importOnStart,
        @DefaultValue("0") int boltPort) {

    public boolean embedded() {
        return uri == null || uri.isBlank();
    }
}
