package org.attributiongraph.web;

/** The path names something that does not exist: answered 404. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
