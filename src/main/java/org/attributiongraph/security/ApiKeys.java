package org.attributiongraph.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.attributiongraph.graph.GraphModel.Tlp;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/**
 * The configured keys, held as SHA-256 hashes only, and the anonymous clearance. Checks a presented
 * key against every configured hash in constant time, so neither the answer's timing nor its content
 * tells how close a guess came.
 */
public final class ApiKeys implements AuthenticationProvider {

    private record Entry(String name, byte[] sha256, Role role, Tlp clearance) {
    }

    private final List<Entry> keys;
    private final Optional<Tlp> anonymousClearance;

    /** Refuses to start on a key without a name, a 64-digit hex hash, a role or a TLP clearance. */
    ApiKeys(List<SecurityProperties.Key> configured, String anonymousClearance) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < configured.size(); i++) {
            var key = configured.get(i);
            String at = "graph.security.keys[" + i + "]";
            if (key.name() == null || key.name().isBlank()) {
                throw new IllegalStateException(at + ".name is missing");
            }
            String hash = key.sha256() == null ? "" : key.sha256().strip().toLowerCase(Locale.ROOT);
            if (!hash.matches("[0-9a-f]{64}")) {
                throw new IllegalStateException(at + ".sha256 must be the 64 hex digits of the key's SHA-256 (java -jar attribution-graph.jar hash-key)");
            }
            if (key.role() == null) {
                throw new IllegalStateException(at + ".role is missing; one of reader, analyst, admin");
            }
            Tlp clearance = Tlp.parse(key.clearance()).orElseThrow(() -> new IllegalStateException(
                    at + ".clearance must be one of clear, green, amber, amber+strict, red"));
            entries.add(new Entry(key.name().strip(), HexFormat.of().parseHex(hash), key.role(), clearance));
        }
        this.keys = List.copyOf(entries);
        this.anonymousClearance = anonymous(anonymousClearance);
    }

    private static Optional<Tlp> anonymous(String value) {
        if (value != null && value.strip().equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        return Optional.of(Tlp.parse(value == null ? null : value.strip()).orElseThrow(() -> new IllegalStateException(
                "graph.security.anonymous-clearance must be none or one of clear, green, amber, amber+strict, red")));
    }

    public Optional<Tlp> anonymousClearance() {
        return anonymousClearance;
    }

    /** The caller a presented key stands for, or empty when no configured key matches. */
    public Optional<Caller> lookup(String presented) {
        byte[] hash = sha256(presented);
        Entry found = null;
        for (Entry entry : keys) {
            // No early exit: every presented key costs the same comparisons.
            if (MessageDigest.isEqual(entry.sha256(), hash) && found == null) {
                found = entry;
            }
        }
        return Optional.ofNullable(found).map(e -> new Caller(e.name(), e.role(), e.clearance()));
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String presented = (String) authentication.getCredentials();
        return lookup(presented == null ? "" : presented).map(ApiKeyAuthentication::authenticated)
                .orElseThrow(() -> new BadCredentialsException("The API key is not valid"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthentication.class.isAssignableFrom(authentication);
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** What to configure as a key's {@code sha256}. */
    public static String sha256Hex(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }
}
