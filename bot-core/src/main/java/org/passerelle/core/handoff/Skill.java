package org.passerelle.core.handoff;

/** What a mediator is trained for, beyond listening. */
public enum Skill {
    /** Accompanying a minor: a minor's handoff is offered to these mediators first. */
    MINORS
}
