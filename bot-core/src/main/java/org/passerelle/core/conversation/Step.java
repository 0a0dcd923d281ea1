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
    ERASE,
    /**
     * A time was chosen and she is asked for a nickname: what she writes is the nickname, unless
     * it is a menu word, an option or a call for help.
     */
    NICKNAME,
    /** Choices made for this turn (the closest topics, a language switch), kept in the state. */
    CHOICES
}
