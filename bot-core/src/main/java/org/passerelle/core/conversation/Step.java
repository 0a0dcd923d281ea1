package org.passerelle.core.conversation;

/** Where a conversation stands, which decides the options her next message may pick. */
public enum Step {
    /** Choosing a language. */
    LANGUAGE,
    /** The main menu. */
    MENU,
    /** The list of information topics. */
    TOPICS,
    /** A topic was shown; its next steps are offered. */
    TOPIC,
    /** She asked to erase everything and is asked to confirm. */
    ERASE
}
