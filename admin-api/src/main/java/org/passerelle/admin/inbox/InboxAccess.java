package org.passerelle.admin.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.passerelle.core.conversation.MediatorDesk;
import org.passerelle.core.handoff.HandoffConflictException;
import org.passerelle.core.handoff.HandoffState;
import org.passerelle.core.handoff.InboxItem;
import org.passerelle.core.handoff.UnknownHandoffException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * What the API and the pages share: the caller's lists, and who may read which conversation. A
 * mediator reads a waiting conversation (to decide whether to take it) or one she holds; an admin
 * reads any. A conversation id that cannot be a pseudonym is unknown without asking the desk.
 */
@Component
class InboxAccess {

    private static final Pattern CONVERSATION_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final MediatorDesk desk;
    private final InboxStaff staff;

    InboxAccess(MediatorDesk desk, InboxStaff staff) {
        this.desk = desk;
        this.staff = staff;
    }

    /** The waiting conversations the caller may take, then those she holds. */
    List<InboxItem> list(Authentication caller) {
        var items = new ArrayList<>(desk.waiting(staff.mediator(caller)));
        items.addAll(desk.held(caller.getName()));
        return items;
    }

    /**
     * The conversation, if the caller may read it.
     *
     * @throws UnknownHandoffException when it is neither waiting nor held
     * @throws HandoffConflictException when another mediator holds it and the caller is no admin
     */
    InboxItem readable(String conversationId, Authentication caller) {
        var item = desk.find(known(conversationId))
                .orElseThrow(() -> new UnknownHandoffException(conversationId));
        if (item.state() == HandoffState.WITH_MEDIATOR && !caller.getName().equals(item.mediatorId())
                && !staff.isAdmin(caller)) {
            throw new HandoffConflictException(conversationId, "another mediator holds conversation " + conversationId);
        }
        return item;
    }

    /** The id, once checked to be a possible pseudonym. @throws UnknownHandoffException if not */
    static String known(String conversationId) {
        if (conversationId == null || !CONVERSATION_ID.matcher(conversationId).matches()) {
            // Not echoed: whatever was in the path stays out of the answer.
            throw new UnknownHandoffException("(malformed)");
        }
        return conversationId;
    }
}
