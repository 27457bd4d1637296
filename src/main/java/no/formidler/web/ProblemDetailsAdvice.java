package no.formidler.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import no.formidler.error.BrokerError;
import no.formidler.error.BrokerException;
import no.formidler.error.RequestRefusedException;
import no.formidler.error.UpstreamUnavailableException;
import no.formidler.error.ValidationException;
import no.formidler.storage.StorageFullException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** The one place where errors become problem details; nothing but a bug answers 500. */
@RestControllerAdvice
class ProblemDetailsAdvice {
    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(BrokerException.class)
    ResponseEntity<ProblemDetail> broker(BrokerException e, HttpServletRequest request) {
        if (e.error().status() >= 500) {
            log.warn("{} on {} {}", e.error().code(), request.getMethod(), request.getRequestURI(), e.getCause());
        }
        return respond(Problems.of(e.error(), request));
    }

    @ExceptionHandler(RequestRefusedException.class)
    ResponseEntity<ProblemDetail> refused(RequestRefusedException e, HttpServletRequest request) {
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(e.status(), e.getMessage(), request));
    }

    @ExceptionHandler(UpstreamUnavailableException.class)
    ResponseEntity<ProblemDetail> upstream(UpstreamUnavailableException e, HttpServletRequest request) {
        log.warn("{} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        return respond(Problems.of(503, "A service the broker depends on did not answer. Please try again later.", request));
    }

    /**
     * No connection within the pool's wait, a statement cancelled at its timeout, a database that does not answer:
     * the request could not be served now, and may be retried (issue 17, finding 1; see docs/security.md).
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(DataAccessException e, HttpServletRequest request) {
        log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMostSpecificCause().toString());
        return unavailable(request);
    }

    @ExceptionHandler(ValidationException.class)
    ResponseEntity<ProblemDetail> validation(ValidationException e, HttpServletRequest request) {
        return respond(Problems.validation(e.errors(), request));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return respond(Problems.validation(Map.of("body", List.of(RequestBodyErrors.describe(e))), request));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String message = "The value '%s' is not valid.".formatted(e.getValue());
        return respond(Problems.validation(Map.of(e.getName(), List.of(message)), request));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        String message = "The %s field is required.".formatted(e.getParameterName());
        return respond(Problems.validation(Map.of(e.getParameterName(), List.of(message)), request));
    }

    /** An unknown route: the path is not echoed and nothing of the framework shows. */
    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<ProblemDetail> unknownRoute(Exception e, HttpServletRequest request) {
        return respond(Problems.of(404, "There is no endpoint at this path.", request));
    }

    /** Spring's own answers (405, 415, 404 for unknown paths, ...) in our problem shape; anything else is a bug. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse framework) {
            HttpStatusCode status = framework.getStatusCode();
            return ResponseEntity.status(status).headers(framework.getHeaders())
                    .body(Problems.of(status.value(), framework.getBody().getDetail(), request));
        }
        if (causedBy(e, StorageFullException.class)) {
            log.warn("Storage full on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return respond(Problems.of(BrokerError.STORAGE_FULL, request));
        }
        if (causedBy(e, SQLTransientException.class) || causedBy(e, DataAccessResourceFailureException.class)
                || causedBy(e, TransactionSystemException.class) || connectionLost(e)) {
            log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return unavailable(request);
        }
        log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(Problems.of(500, "", request));
    }

    private static ResponseEntity<ProblemDetail> unavailable(HttpServletRequest request) {
        return ResponseEntity.status(503).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(Problems.of(503, "The broker's database is busy or unavailable. Please try again later.", request));
    }

    /**
     * The database went away under a running request: SQLSTATE class 08 (connection exception) or 57P (the server
     * shutting down), or a commit or rollback that could not reach it (a {@code TransactionSystemException}, whose
     * cause is often only the pool's "Connection is closed").
     */
    private static boolean connectionLost(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
