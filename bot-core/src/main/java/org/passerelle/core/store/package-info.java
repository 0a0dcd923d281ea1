/**
 * Access to the one Redis that holds all state, through Jedis. {@link org.passerelle.core.store.RedisStore}
 * owns the connection, the key prefix and the translation of every Jedis failure into
 * {@link org.passerelle.core.store.StoreUnavailableException}; feature packages say which
 * commands to run. No key ever holds a phone number, chat id or message text: keys carry the
 * HMAC pseudonym of an address.
 *
 * <p>Round trips are counted: a Lua script is a {@link org.passerelle.core.store.RedisScript},
 * run by its digest and given every key it touches in {@code KEYS}; writes that several parts
 * make at the end of one step are added to a {@link org.passerelle.core.store.WriteBatch} and
 * sent as one transaction. A plain turn costs two round trips: one script opens it (redelivery
 * mark, per-minute count, lock, handoff kept alive, content version, her state), one transaction
 * writes everything and releases the lock.
 *
 * <p>What is kept about a person is sealed with AES-GCM (see {@code core.privacy}): each sealed
 * value starts {@code k:{key id}:} (or {@code a1:}, the form before key ids) and opens only in
 * memory. What stays in clear is what a Lua script or an ordering needs, and the pseudonym that
 * ties the keys of one person together: in {@code handoff:{pseudonym}} the priority and its rank
 * (the queue's order and the scripts' upgrade of a request), the state, mediator and claim time
 * (the claim, release and transfer scripts), the language (the mediators' filter), the channel
 * and the request time; in {@code booking:{code}} the pseudonym, service, slot, day and times
 * (the book, cancel, move and erase scripts); in {@code reminder:{code}:{n}} the channel, language
 * and start; in the outbox stream the pseudonym and channel (order and rates per conversation).
 *
 * <p>Retention: every key about a person expires after the retention period of inactivity (30
 * days by default), refreshed when she writes, or sooner; bookings and their reminders are kept
 * until some days after the appointment. Erase deletes at once her {@code conv:}, handoff,
 * transcript and context, her upcoming bookings (places freed; the pseudonym and nickname taken
 * off those that have started) and reminders, her outbox entries, dead letters, hold and rate.
 *
 * <p>Keys, after the configurable prefix (default {@code passerelle:}):
 * <ul>
 *   <li>{@code conv:{pseudonym}} — hash, the conversation state (language, step, topic,
 *       choices, handoff state, misses, channel, last activity, while she books the chosen slot
 *       her nickname and the interpreter's language, and which of the complaint, residence permit
 *       and lawyer topics she read and when and which she was asked about, never her answer)
 *       sealed whole with AES-GCM in one field {@code s}; earlier versions' clear fields still
 *       read and are sealed at the next turn; expires after the retention period;</li>
 *   <li>{@code lock:conv:{pseudonym}} — string, the per-conversation turn lock (short lease);</li>
 *   <li>{@code flood:{pseudonym}} — counter of her messages in the current minute; expires
 *       after a minute and is kept through an erase, so that erasing cannot lift the limit;</li>
 *   <li>{@code handoff:queue} — sorted set of pseudonyms waiting for a mediator, scored by
 *       priority then request time;</li>
 *   <li>{@code handoff:{pseudonym}} — hash, one handoff (language, channel, priority, requested
 *       at, state, her address sealed with AES-GCM, and while held the mediator and since when);
 *       expires after the retention period, deleted on release, close or erase;</li>
 *   <li>{@code handoff:queue:held} — sorted set of the pseudonyms a mediator holds, by claim
 *       time; a pseudonym whose handoff expired leaves both sets when the inbox reads them, and
 *       at the hourly sweep; {@code handoff:queue:version} — counter moved by every change of the queue, a
 *       claim or a transcript, which the inbox polls;</li>
 *   <li>{@code handoff:transcript:{pseudonym}} — list, her transcript since the handoff, each
 *       element one turn sealed with AES-GCM; kept through the retention period while the handoff
 *       is open, then the configured period after it closes (never more than the retention period);
 *       {@code handoff:context:{pseudonym}} — list, her last few turns sealed the same way, two
 *       hours or the retention period if shorter;</li>
 *   <li>{@code handoff:team:hours} — string, the team's weekly hours as staff set them;</li>
 *   <li>{@code seen:{channel}:{hash}} — a channel message already taken (its id hashed);
 *       two days;</li>
 *   <li>{@code outbox} — stream of replies to send (message id, pseudonym, channel, the address
 *       sealed with AES-GCM, and the whole reply, text and options, sealed with AES-GCM under the
 *       texts' key), consumer group {@code senders}; an entry leaves the stream as soon as it is
 *       sent or given up on; those of an erase are marked {@code final}, and a {@code withdraw}
 *       entry (no reply) asks the channel to take back her messages; {@code outbox:dead} — stream
 *       of replies given up on (id, pseudonym, channel, reason, attempts: no text, no address),
 *       hers deleted when she erases; both lose what is left after two days;</li>
 *   <li>{@code {telegram}:updates} — stream of the Telegram updates polled by the instance that
 *       holds the polling lease, each the update's JSON (her chat id and words) sealed with
 *       AES-GCM under the texts' key, read by every instance through the consumer group
 *       {@code intake}; an update leaves it as soon as an instance took it, the stream is capped
 *       at about ten thousand entries and what is left goes after a day;
 *       {@code {telegram}:poller} — string, the polling lease: the holder's random token, expires
 *       unless renewed (seconds); {@code {telegram}:offset} — the next update id to ask Telegram
 *       for, a number only (the braces keep the three in one Redis Cluster slot, for the script
 *       that appends and moves the offset under the lease);</li>
 *   <li>{@code outbox:sender} — string, the lease of the one instance that sends the outbox
 *       now: its random token, expires unless renewed (seconds);</li>
 *   <li>{@code webchat:relay} — a pub/sub channel, not a key: a web chat reply on its way to
 *       the instance where her page's event stream is open, sealed with AES-GCM under the texts'
 *       key with her conversation id inside, and the instances' answers; nothing is kept;</li>
 *   <li>{@code outbox:receipts:{pseudonym}} — sorted set of the channel's ids of the messages
 *       sent to her that the channel can still take back (Telegram: 48 hours), by sending time;
 *       ids only; expires after 48 hours, deleted once they are taken back;</li>
 *   <li>{@code outbox:sent|attempts|backoff:{message id}}, {@code outbox:hold|rate:{pseudonym}},
 *       {@code outbox:rate:{channel}:{second}} — what the senders agree on: sent once, retries,
 *       order per conversation, rates; each expires by itself;</li>
 *   <li>{@code content:current}, {@code content:v:{n}}, {@code content:meta:{n}} — the
 *       published content versions (file path → YAML) and their metadata;
 *       {@code content:draft:{topic}:{lang}}, {@code content:drafts} — drafts waiting;
 *       {@code content:directory:draft:{key}}, {@code content:directory:drafts} — drafts of
 *       service directory entries waiting (staff-written addresses, hours and numbers);</li>
 *   <li>{@code booking:*} — appointments: each booking by its code, the codes of each slot, of
 *       each service's day and of each pseudonym; listed in {@code core.booking}'s package
 *       documentation; each expires some days after its slot;</li>
 *   <li>{@code schedule:*} — services, their weekly rules and exceptions, listed in
 *       {@code Schedules}' documentation, and {@code schedule:ical:{service}}, the secret of a
 *       service's calendar feed;</li>
 *   <li>{@code reminder:due} — sorted set of reminders by due time; {@code reminder:{code}:{n}}
 *       — hash, one reminder (pseudonym, channel, sealed address, language, start); each expires
 *       a day after its appointment;</li>
 *   <li>{@code stats:day:{date}} — hash, the anonymous counters of one day in Paris time, fields
 *       {@code {metric}|{dimension}} (a channel, a language, a topic id, a priority, a service
 *       id, a waiting bracket; never anything about a person); expires the statistics' retention
 *       period (400 days by default) after its day, see {@code core.stats};</li>
 *   <li>{@code barriers:month:{yyyy-MM}} — hash, the anonymous counts of the barriers met, by
 *       month in Paris time, fields {@code {topic}|{type}} (never a pseudonym, an address, a text
 *       or a time finer than the month); expires the barriers' retention period (five years by
 *       default) after its month, see {@code core.barriers};</li>
 *   <li>{@code staff:accounts}, {@code staff:admins} — sets of the staff's usernames and of the
 *       admins' among them; {@code staff:account:{username}} — hash, one staff account (display
 *       name, role, password hash, languages, skills); they never expire;
 *       {@code staff:failures:{username}} — failed sign-ins in a row; expires after the
 *       lockout period; {@code staff:setup:token} — the SHA-256 hash of the one-time setup
 *       link's token, expires with the link; {@code staff:setup:wrong} — wrong setup tokens
 *       tried, expires 15 minutes after the first;</li>
 *   <li>{@code audit} — stream of staff actions and sign-in outcomes (username, role, method and
 *       route template, the route's variables, status; no text, no address, no body), capped by
 *       length and by age, see {@code core.audit}.</li>
 * </ul>
 */
package org.passerelle.core.store;
