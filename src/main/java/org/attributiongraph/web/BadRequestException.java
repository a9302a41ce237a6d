package org.attributiongraph.web;

/** A parameter the caller can fix: answered 400 with the message as the detail. */
public class BadRequestException extends RuntimeException {
    public BadRequestException(String message) {
        super(message);
    }

    /** Ids are looked up, never parsed: a blank or overlong one is refused before it reaches a query. */
    public static String requireId(String parameter, String id) {
        if (id == null || id.isBlank() || id.length() > 200) {
            throw new BadRequestException(parameter + " must be an id (not blank, at most 200 characters)");
        }
        return id;
    }
}
