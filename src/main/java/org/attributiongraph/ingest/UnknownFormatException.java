package org.attributiongraph.ingest;

import java.util.Collection;

/** {@code ?format=} names no reader this server has. */
public class UnknownFormatException extends RuntimeException {
    public UnknownFormatException(String format, Collection<String> known) {
        super("Unknown import format \"" + format + "\"; this server reads: " + String.join(", ", known));
    }
}
