package org.passerelle.connectors.twilio;

import com.twilio.exception.ApiException;
import org.passerelle.core.channel.SendFailure;
import org.passerelle.core.channel.SendResult;

/**
 * Turns Twilio's refusals into the engine's send failures. Reasons carry Twilio's error code and
 * HTTP status only: Twilio's own messages may quote the phone number.
 */
final class TwilioErrors {

    /** The recipient replied STOP. */
    static final int UNSUBSCRIBED = 21610;
    /** The To number is not a valid phone number. */
    static final int INVALID_TO = 21211;
    /** The To number cannot receive SMS. */
    static final int NOT_MOBILE = 21614;
    /** Too many requests on the account. */
    static final int TOO_MANY_REQUESTS = 20429;

    private TwilioErrors() {
    }

    static SendResult of(ApiException e) {
        int code = e.getCode() == null ? 0 : e.getCode();
        int status = e.getStatusCode() == null ? 0 : e.getStatusCode();
        var detail = "twilio error " + code + ", HTTP " + status;
        if (code == UNSUBSCRIBED) {
            return SendResult.failed(SendFailure.CONTACT_STOPPED, "recipient replied STOP (" + detail + ")");
        }
        if (code == INVALID_TO || code == NOT_MOBILE) {
            return SendResult.failed(SendFailure.REJECTED, "invalid recipient number (" + detail + ")");
        }
        if (code == TOO_MANY_REQUESTS || status == 429) {
            return SendResult.failed(SendFailure.THROTTLED, "throttled (" + detail + ")");
        }
        // no status means no answer was read: as good as a lost connection
        if (status >= 500 || status == 0) {
            return SendResult.failed(SendFailure.CONNECTION_FAILED, "server error (" + detail + ")");
        }
        return SendResult.failed(SendFailure.REJECTED, "refused (" + detail + ")");
    }
}
