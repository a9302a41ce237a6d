package org.attributiongraph.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code graph.security.*}: the API keys, as SHA-256 hashes only, and what anonymous callers may see.
 *
 * @param keys                the keys ({@code GRAPH_SECURITY_KEYS_0_NAME}, {@code ..._0_SHA256},
 *                            {@code ..._0_ROLE}, {@code ..._0_CLEARANCE}, or a keys file); none: the
 *                            admin key of {@code $GRAPH_DATA_DIR/admin.key}
 * @param anonymousClearance  a TLP word anonymous callers may read and export up to, or {@code none}
 *                            to turn anonymous access off
 */
@ConfigurationProperties("graph.security")
public record SecurityProperties(@DefaultValue List<Key> keys, @DefaultValue("clear") String anonymousClearance) {

    /** One key: who it is for, the hex SHA-256 of the key, its role and the highest marking it may read. */
    public record Key(String name, String sha256, Role role, String clearance) {
    }
}
