package no.formidler.upload.tus;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import no.formidler.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * TUS protocol errors as problem details (every error body is problem details, TUS included: docs/compatibility.md §2),
 * with the headers the protocol asks for. Domain errors of TUS requests go through the broker-wide advice as usual.
 */
@RestControllerAdvice(assignableTypes = TusController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TusProblems {

    @ExceptionHandler(TusError.TusException.class)
    ResponseEntity<ProblemDetail> protocol(TusError.TusException e, HttpServletRequest request) {
        return respond(e.error().status(), e.getMessage(), request);
    }

    @ExceptionHandler(TusUploadRepository.UploadLockedException.class)
    ResponseEntity<ProblemDetail> locked(TusUploadRepository.UploadLockedException e, HttpServletRequest request) {
        return respond(TusError.LOCKED.status(), TusError.LOCKED.exception().getMessage(), request);
    }

    private static ResponseEntity<ProblemDetail> respond(int status, String detail, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(status, detail, request);
        switch (status) {
            case 412 -> problem.setType(URI.create("https://tools.ietf.org/html/rfc9110#section-15.5.13"));
            case 423 -> problem.setType(URI.create("https://www.rfc-editor.org/rfc/rfc4918#section-11.3"));
            case 460 -> {
                problem.setType(URI.create("https://tus.io/protocols/resumable-upload#checksum"));
                problem.setTitle("Checksum Mismatch");
            }
            default -> {
            }
        }
        var response = ResponseEntity.status(status).header("Tus-Resumable", TusHeaders.VERSION)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == 412) {
            response.header("Tus-Version", TusHeaders.VERSION);
        }
        return response.body(problem);
    }
}
