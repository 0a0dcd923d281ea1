package org.passerelle.admin.web;

import java.util.List;
import org.passerelle.content.ContentInvalidException;
import org.passerelle.core.content.ContentConflictException;
import org.passerelle.core.conversation.ConversationBusyException;
import org.passerelle.core.conversation.TooManyMessagesException;
import org.passerelle.core.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of a REST endpoint into a problem detail: Spring's own errors (malformed
 * JSON, wrong media type…) as 4xx with their reason, the engine's as 429 or 503 with a hint to
 * retry, and anything unexpected as a bare 500 whose cause stays in the server log.
 */
@RestControllerAdvice
public class ApiErrorAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorAdvice.class);

    // Said with every 503, so that nobody in danger is left without the numbers.
    private static final String EMERGENCY = "In danger now: call 17 or 112, or send an SMS to 114.";

    @ExceptionHandler(StoreUnavailableException.class)
    ResponseEntity<ProblemDetail> storeUnavailable(StoreUnavailableException e) {
        log.warn("store unavailable: {}", e.getMessage());
        return retryLater(HttpStatus.SERVICE_UNAVAILABLE, "The service is briefly unavailable. " + EMERGENCY, 10);
    }

    @ExceptionHandler(ConversationBusyException.class)
    ResponseEntity<ProblemDetail> busy(ConversationBusyException e) {
        log.warn("conversation busy: {}", e.getMessage());
        return retryLater(HttpStatus.SERVICE_UNAVAILABLE, "The previous message is still being handled.", 2);
    }

    @ExceptionHandler(TooManyMessagesException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyMessagesException e) {
        log.info("flood refused: {}", e.getMessage());
        return retryLater(HttpStatus.TOO_MANY_REQUESTS, "Too many messages in a short time. " + EMERGENCY, 60);
    }

    @ExceptionHandler(ContentConflictException.class)
    ResponseEntity<ProblemDetail> contentConflict(ContentConflictException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage()
                + ": someone published meanwhile; review the new version, then publish again");
        problem.setProperty("currentVersion", e.currentVersion());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(ContentInvalidException.class)
    ResponseEntity<ProblemDetail> contentInvalid(ContentInvalidException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "the content was not published: " + e.problems().size() + " problem(s)");
        problem.setProperty("problems", List.copyOf(e.problems()));
        return ResponseEntity.unprocessableContent().body(problem);
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
        log.error("unexpected failure", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                        "Something went wrong on our side. " + EMERGENCY));
    }

    private static ResponseEntity<ProblemDetail> retryLater(HttpStatus status, String detail, int seconds) {
        return ResponseEntity.status(status)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(seconds))
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
