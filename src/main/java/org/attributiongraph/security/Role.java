package org.attributiongraph.security;

import java.util.Locale;

/** What a key may do; each role includes the ones before it (admin > analyst > reader). */
public enum Role {
    /** Every read endpoint, at the key's clearance. */
    READER,
    /** Also the exports. */
    ANALYST,
    /** Also imports, import runs and the actuator. */
    ADMIN;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority of the role; the role hierarchy adds the ones it includes. */
    String authority() {
        return "ROLE_" + name();
    }
}
