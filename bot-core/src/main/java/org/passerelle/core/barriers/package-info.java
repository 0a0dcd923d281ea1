/**
 * Barriers to rights, for the association's advocacy. After she has read the {@code complaint},
 * {@code residence_permit} or {@code lawyer} topic, she may be asked later, once per topic and
 * optionally, what happened, with a short list of answers per topic ({@link
 * org.passerelle.core.barriers.Barrier}).
 *
 * <p>When she is asked: at the end of a turn that leaves her at rest on the main menu (she came
 * back and said hello, asked for the menu, or finished with something else), at least the delay
 * (24 hours by default) after she first read the topic, so never in the turn she read it; and
 * only if no question was asked or answered within the same delay, so at most one per visit. The
 * question takes the place of the main menu of that turn; every answer, including "I prefer not
 * to say", leads back to the main menu. Never while a mediator holds the conversation or she
 * waits for one, never during a booking, never before her language is known, and never in a
 * conversation in which danger or a minor was detected: that turns the questions off for the
 * whole life of the conversation. Her answer is taken by number, by the option's key (a button)
 * or by its whole label; anything else she writes is handled as if the question had not been
 * asked, and the question is not asked again. What her conversation remembers ({@link
 * org.passerelle.core.barriers.BarrierMemory}: topics read and when, topics asked, when the last
 * question was) lives in her conversation state and expires or is erased with it; it never
 * holds her answer.
 *
 * <p>Her answer is kept only as one anonymous counter by topic, type and month (Paris), in
 * {@link org.passerelle.core.barriers.Barriers}: no pseudonym, no address, no text, no day or
 * time, and published with every count from 1 to 4 shown as "&lt;5". Plain Java; uses
 * {@code core.store} only. The conversation hooks live in {@code core.conversation}
 * ({@code BarrierTurns}).
 */
package org.passerelle.core.barriers;
