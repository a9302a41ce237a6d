package org.attributiongraph.web;

/** A parameter the caller can fix: answered 400 with the message as the detail. */
public class BadRequestException extends RuntimeException {
    public BadRequestException(String message) {
        super(message);
    }
}
