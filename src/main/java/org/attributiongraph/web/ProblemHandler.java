package org.attributiongraph.web;

import java.net.URI;
import java.time.LocalDate;

import org.attributiongraph.graph.Graph;
import org.attributiongraph.ingest.ImportLimitException;
import org.attributiongraph.ingest.ImportRejectedException;
import org.attributiongraph.ingest.UnknownFormatException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as an RFC 9457 problem document. Spring's own handler covers missing parameters,
 * unreadable bodies and unsupported media types; the rest is mapped here.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    static final int MAX_PROBLEMS_LISTED = 1000;

    /** The multipart resolver reports an oversized upload without the limit; the import's limit is the same one. */
    private final DataSize maxUploadSize;

    ProblemHandler(@Value("${graph.import.max-upload-size:64MB}") DataSize maxUploadSize) {
        this.maxUploadSize = maxUploadSize;
    }

    @ExceptionHandler(ImportRejectedException.class)
    ProblemDetail rejected(ImportRejectedException e) {
        var problem = problem(HttpStatus.BAD_REQUEST, "Import rejected",
                e.file() + ": " + e.problems().size() + " problem(s); nothing was imported");
        problem.setType(URI.create("urn:attribution-graph:problem:import-rejected"));
        // Every problem is listed up to a bound: a file of a million bad rows must not make a response of a million lines.
        problem.setProperty("problems", e.problems().subList(0, Math.min(e.problems().size(), MAX_PROBLEMS_LISTED)));
        if (e.problems().size() > MAX_PROBLEMS_LISTED) {
            problem.setProperty("problemsNotListed", e.problems().size() - MAX_PROBLEMS_LISTED);
        }
        return problem;
    }

    /** A retry would fail the same way: the detail says which setting to change or to split the file. */
    @ExceptionHandler(ImportLimitException.class)
    ProblemDetail importLimit(ImportLimitException e) {
        log.warn("Import stopped at a limit: {}", e.getMessage());
        return switch (e.limit()) {
            case TIME -> problem(HttpStatus.SERVICE_UNAVAILABLE, "Import timed out", e.getMessage());
            case MEMORY -> problem(HttpStatus.CONTENT_TOO_LARGE, "Import too large", e.getMessage());
        };
    }

    @ExceptionHandler({UnknownFormatException.class, BadRequestException.class})
    ProblemDetail badRequest(RuntimeException e) {
        return problem(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage());
    }

    /** Names the parameter, what it must be and (shortened) what came; ranges are checked once the value parses. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String expected = type == int.class || type == Integer.class ? "a whole number within its range"
                : type == LocalDate.class ? "a date YYYY-MM-DD" : "a " + (type == null ? "valid value" : type.getSimpleName());
        return problem(HttpStatus.BAD_REQUEST, "Bad request",
                e.getName() + " must be " + expected + "; got \"" + shortened(String.valueOf(e.getValue())) + "\"");
    }

    /** The upload limit, from the import endpoint itself or from the multipart resolver. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e, HttpHeaders headers,
                                                                         HttpStatusCode status, WebRequest request) {
        long max = e.getMaxUploadSize() < 0 ? maxUploadSize.toBytes() : e.getMaxUploadSize();
        String limit = max + " bytes (" + DataSize.ofBytes(max).toMegabytes() + " MB)";
        var problem = problem(HttpStatus.CONTENT_TOO_LARGE, "Upload too large",
                "The file is larger than " + limit + " (graph.import.max-upload-size); nothing was imported");
        problem.setProperty("maxUploadSize", max);
        return handleExceptionInternal(e, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
    }

    /** A multipart body Tomcat cannot take apart (no closing boundary, a bad part header) is the caller's to fix. */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadableMultipart(MultipartException e) {
        return problem(HttpStatus.BAD_REQUEST, "Bad request",
                "The multipart request could not be read; send the file as one part named \"file\"");
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    /** The database is unreachable or the query ran out of time: the caller may retry later. */
    @ExceptionHandler({ServiceUnavailableException.class, SessionExpiredException.class, TransientException.class})
    ProblemDetail unavailable(RuntimeException e) {
        log.warn("Database unavailable or query timed out: {}", e.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Graph database unavailable",
                "The graph database did not answer in time; try again later");
    }

    /** Neo4j reports a transaction timeout as a client error; everything else it raises is our fault. */
    @ExceptionHandler(Neo4jException.class)
    ProblemDetail database(Neo4jException e) {
        if (Graph.timedOut(e)) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "Query timed out",
                    "The query took longer than the configured timeout; narrow it (fewer hops, a higher minConfidence) or try later");
        }
        log.error("Database error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The graph database refused the query");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "An unexpected error occurred");
    }

    /** Echoes of caller input stay short: a 100,000-character parameter is not sent back whole. */
    static String shortened(String value) {
        return value.length() <= 80 ? value : value.substring(0, 80) + "... (" + value.length() + " characters)";
    }

    /** Details may quote caller input (an unknown id or format): at most 1,000 printable characters of it. */
    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        String printable = detail.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        var problem = ProblemDetail.forStatusAndDetail(status, printable.length() <= 1000 ? printable
                : printable.substring(0, 1000) + "... (" + detail.length() + " characters)");
        problem.setTitle(title);
        return problem;
    }
}
