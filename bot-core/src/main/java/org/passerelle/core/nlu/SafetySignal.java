package org.passerelle.core.nlu;

/** What the safety rules can find in a message, whatever else it says. */
public enum SafetySignal {
    /** She may be in danger now: violence, threats, confinement, confiscated papers, a call for help. */
    DANGER,
    /** She says she, or someone she speaks of, is under 18. */
    MINOR,
    /** She asks to erase what she left. */
    ERASE,
    /** She asks us to stop writing to her. */
    STOP
}
