package org.attributiongraph.security;

import org.attributiongraph.graph.GraphModel.Tlp;

/**
 * Who is asking: the key's name and role, or anonymous ({@code role} null). Controllers take it as
 * a method argument and hand {@link #clearance()} to the services, which show nothing marked above it.
 */
public record Caller(String name, Role role, Tlp clearance) {

    public static Caller anonymous(Tlp clearance) {
        return new Caller("anonymous", null, clearance);
    }
}
