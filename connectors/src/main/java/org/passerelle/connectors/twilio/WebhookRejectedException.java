package org.passerelle.connectors.twilio;

import org.springframework.http.HttpStatus;

/** A webhook request refused before it reached the engine, with the status and reason to answer. */
class WebhookRejectedException extends RuntimeException {

    private final HttpStatus status;

    WebhookRejectedException(HttpStatus status, String reason) {
        super(reason);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
