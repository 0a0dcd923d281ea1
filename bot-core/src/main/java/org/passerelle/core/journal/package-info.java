/**
 * The inbound journal: while Redis cannot be reached, the messages that arrive are appended to a
 * file of this instance's data directory, sealed with AES-GCM and forced to disk before the
 * webhook answers, then replayed in order through the normal intake once Redis is back.
 * {@link org.passerelle.core.journal.JournaledIntake} is the intake the connectors use,
 * {@link org.passerelle.core.journal.InboundJournal} the files, and
 * {@link org.passerelle.core.journal.UnavailableNotice} the fixed text said meanwhile. Uses the
 * channel types, the privacy sealer and pseudonyms, the engine's intake and the content in
 * memory; never Redis directly.
 */
package org.passerelle.core.journal;
