package org.passerelle.core.conversation;

import java.time.format.DateTimeFormatter;
import java.util.List;
import org.passerelle.core.booking.Appointments;
import org.passerelle.core.booking.Reminders;
import org.passerelle.core.channel.Option;
import org.passerelle.core.channel.Reply;
import org.passerelle.core.outbox.Outbox;

/**
 * Sends the reminders that are due: a discreet line in her language on her channel (the time
 * and the code, no word of what the appointment is), through the outbox, and makes "1" confirm
 * and "2" cancel in her conversation. A booking cancelled meanwhile gets no reminder.
 */
public final class ReminderDispatch {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final int BATCH = 50;

    private final Reminders reminders;
    private final Appointments appointments;
    private final Outbox outbox;
    private final ConversationEngine engine;

    public ReminderDispatch(Reminders reminders, Appointments appointments, Outbox outbox, ConversationEngine engine) {
        this.reminders = reminders;
        this.appointments = appointments;
        this.outbox = outbox;
        this.engine = engine;
    }

    /**
     * Sends what is due now.
     *
     * @return how many reminders were sent
     * @throws org.passerelle.core.store.StoreUnavailableException when Redis fails
     */
    public int dispatchDue() {
        int sent = 0;
        for (var due : reminders.claimDue(BATCH)) {
            if (appointments.find(due.code()).isEmpty()) {
                reminders.complete(due, batch -> { });
                continue;
            }
            var catalog = engine.content();
            var language = due.language();
            var text = catalog.ui(language, due.sameDay() ? "reminder.today" : "reminder.tomorrow")
                    .replace("{when}", due.start().format(TIME))
                    .replace("{code}", due.code());
            var keys = List.of(BookingTurns.KEEP + due.code(), BookingTurns.CANCEL + due.code());
            var options = List.of(new Option(keys.get(0), catalog.ui(language, "action.keep")),
                    new Option(keys.get(1), catalog.ui(language, "action.cancel_booking").replace("{code}", due.code())));
            reminders.complete(due, batch -> outbox.enqueue(due.conversationId(), due.channel(), due.address(),
                    List.of(new Reply(text, options)), batch));
            engine.offerChoices(due.conversationId(), keys);
            sent++;
        }
        return sent;
    }
}
