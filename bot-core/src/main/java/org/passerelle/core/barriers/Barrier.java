package org.passerelle.core.barriers;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What she met when she acted on a topic, one answer of the short list offered for it. Its type
 * is a stable name, shared between topics where the barrier is the same (no interpreter, no
 * receipt, it went fine, she preferred not to say).
 */
public enum Barrier {
    /** The police refused to take her complaint. */
    COMPLAINT_REFUSED(BarrierTopic.COMPLAINT, "refused"),
    /** No interpreter was offered at the police station. */
    COMPLAINT_NO_INTERPRETER(BarrierTopic.COMPLAINT, "no_interpreter"),
    /** No receipt (récépissé) was given for her complaint. */
    COMPLAINT_NO_RECEIPT(BarrierTopic.COMPLAINT, "no_receipt"),
    /** She was told to come back later. */
    COMPLAINT_COME_BACK_LATER(BarrierTopic.COMPLAINT, "come_back_later"),
    /** She was sent to the online pre-complaint, which is not meant for these offences. */
    COMPLAINT_ONLINE(BarrierTopic.COMPLAINT, "online_precomplaint"),
    /** She was treated as an offender rather than as a victim. */
    COMPLAINT_TREATED_AS_OFFENDER(BarrierTopic.COMPLAINT, "treated_as_offender"),
    /** The complaint went fine. */
    COMPLAINT_WENT_FINE(BarrierTopic.COMPLAINT, "went_fine"),
    /** She preferred not to say. */
    COMPLAINT_SKIPPED(BarrierTopic.COMPLAINT, "skipped"),
    /** The préfecture refused to register her file. */
    PERMIT_FILE_REFUSED(BarrierTopic.RESIDENCE_PERMIT, "file_refused"),
    /** She was asked for a passport she does not have. */
    PERMIT_PASSPORT_REQUIRED(BarrierTopic.RESIDENCE_PERMIT, "passport_required"),
    /** No appointment could be had online. */
    PERMIT_NO_APPOINTMENT(BarrierTopic.RESIDENCE_PERMIT, "no_appointment"),
    /** No receipt was given for her application. */
    PERMIT_NO_RECEIPT(BarrierTopic.RESIDENCE_PERMIT, "no_receipt"),
    /** She was asked to pay fees. */
    PERMIT_FEES_ASKED(BarrierTopic.RESIDENCE_PERMIT, "fees_asked"),
    /** The application went fine. */
    PERMIT_WENT_FINE(BarrierTopic.RESIDENCE_PERMIT, "went_fine"),
    /** She preferred not to say. */
    PERMIT_SKIPPED(BarrierTopic.RESIDENCE_PERMIT, "skipped"),
    /** She could not find a free lawyer. */
    LAWYER_NONE_FOUND(BarrierTopic.LAWYER, "no_free_lawyer"),
    /** Legal aid was refused. */
    LAWYER_AID_REFUSED(BarrierTopic.LAWYER, "legal_aid_refused"),
    /** No interpreter was there to speak with the lawyer. */
    LAWYER_NO_INTERPRETER(BarrierTopic.LAWYER, "no_interpreter"),
    /** It went fine. */
    LAWYER_WENT_FINE(BarrierTopic.LAWYER, "went_fine"),
    /** She preferred not to say. */
    LAWYER_SKIPPED(BarrierTopic.LAWYER, "skipped");

    /** The type of the answer that declines to say. */
    public static final String SKIPPED = "skipped";

    private final BarrierTopic topic;
    private final String type;

    Barrier(BarrierTopic topic, String type) {
        this.topic = topic;
        this.type = type;
    }

    /** The topic this answer belongs to. */
    public BarrierTopic topic() {
        return topic;
    }

    /** The stable name of the type, unique within its topic, used in Redis, the API and the CSV. */
    public String type() {
        return type;
    }

    /** The UI key of this answer's label, shared by the topics that offer the same type. */
    public String labelKey() {
        return "barrier." + type;
    }

    /** Whether this answer declines to say. */
    public boolean skipped() {
        return SKIPPED.equals(type);
    }

    /** The answers of one topic, in the order offered. */
    static List<Barrier> of(BarrierTopic topic) {
        return Arrays.stream(values()).filter(b -> b.topic == topic).toList();
    }

    /** The answer of this topic with this type, if any. */
    public static Optional<Barrier> of(BarrierTopic topic, String type) {
        return of(topic).stream().filter(b -> b.type.equals(type)).findFirst();
    }

    /** Every UI key the questions and their answers use, each once. */
    public static List<String> uiKeys() {
        var keys = new java.util.ArrayList<String>();
        for (var topic : BarrierTopic.values()) {
            keys.add(topic.questionKey());
        }
        Arrays.stream(values()).map(Barrier::labelKey).distinct().forEach(keys::add);
        return keys;
    }
}
