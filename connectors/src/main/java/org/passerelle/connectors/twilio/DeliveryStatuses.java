package org.passerelle.connectors.twilio;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records Twilio's delivery statuses: one log line each, with the message SID, the status and the
 * error code only, and one observation {@code passerelle.twilio.status} tagged with the status
 * and the error code, which Micrometer counts where the application has a meter registry.
 * Values outside Twilio's formats are recorded as {@code other}, so that a tag cannot grow
 * without bound nor a log line be forged.
 */
class DeliveryStatuses {

    static final String OBSERVATION = "passerelle.twilio.status";

    private static final Logger log = LoggerFactory.getLogger(DeliveryStatuses.class);
    private static final Pattern SID = Pattern.compile("[A-Z]{2}[0-9a-fA-F]{32}");
    private static final Pattern STATUS = Pattern.compile("[a-z_-]{1,24}");
    private static final Pattern ERROR_CODE = Pattern.compile("[0-9]{1,6}");

    private final ObservationRegistry registry;

    DeliveryStatuses(ObservationRegistry registry) {
        this.registry = registry;
    }

    void record(String messageSid, String status, String errorCode) {
        var sid = clean(messageSid, SID, "malformed");
        var state = clean(status, STATUS, "other");
        var error = errorCode == null || errorCode.isBlank() ? "none" : clean(errorCode, ERROR_CODE, "other");
        log.info("twilio delivery status: message={} status={} error={}", sid, state, error);
        Observation.createNotStarted(OBSERVATION, registry)
                .lowCardinalityKeyValue("status", state)
                .lowCardinalityKeyValue("error", error)
                .observe(() -> { });
    }

    private static String clean(String value, Pattern format, String otherwise) {
        return value != null && format.matcher(value).matches() ? value : otherwise;
    }
}
