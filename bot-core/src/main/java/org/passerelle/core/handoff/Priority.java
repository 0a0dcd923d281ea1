package org.passerelle.core.handoff;

/** How urgently a waiting conversation needs a mediator; the queue serves danger first. */
public enum Priority {
    DANGER,
    MINOR,
    NORMAL
}
