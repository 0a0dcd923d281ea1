package org.passerelle.core.handoff;

/** What a mediator is trained for, beyond listening. */
public enum Skill {
    MINORS
}
