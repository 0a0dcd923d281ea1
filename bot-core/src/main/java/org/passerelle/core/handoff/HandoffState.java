package org.passerelle.core.handoff;

/** Who answers a conversation: the bot, nobody yet (waiting for a mediator), or a mediator. */
public enum HandoffState {
    BOT,
    WAITING,
    WITH_MEDIATOR,
    CLOSED
}
