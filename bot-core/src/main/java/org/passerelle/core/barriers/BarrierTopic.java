package org.passerelle.core.barriers;

import java.util.List;
import java.util.Optional;

/** The three topics after which she may later be asked what happened, by their content topic id. */
public enum BarrierTopic {
    /** Filing a complaint with the police or the gendarmerie. */
    COMPLAINT("complaint"),
    /** The residence permit for victims, at the préfecture. */
    RESIDENCE_PERMIT("residence_permit"),
    /** A free lawyer and legal aid. */
    LAWYER("lawyer");

    private final String id;

    BarrierTopic(String id) {
        this.id = id;
    }

    /** The content topic id, also the stable name in Redis, the API and the CSV. */
    public String id() {
        return id;
    }

    /** What she may answer for this topic, in the order offered; the last is the refusal to answer. */
    public List<Barrier> barriers() {
        return Barrier.of(this);
    }

    /** The UI key of the question asked about this topic. */
    public String questionKey() {
        return "barrier." + id + ".question";
    }

    /** The topic with this content topic id, if it is one of the three. */
    public static Optional<BarrierTopic> fromId(String id) {
        for (var topic : values()) {
            if (topic.id.equals(id)) {
                return Optional.of(topic);
            }
        }
        return Optional.empty();
    }
}
