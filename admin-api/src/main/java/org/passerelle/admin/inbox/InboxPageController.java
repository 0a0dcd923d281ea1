package org.passerelle.admin.inbox;

import java.time.Clock;
import java.util.List;
import org.passerelle.core.conversation.HandoffSetup;
import org.passerelle.core.conversation.MediatorDesk;
import org.passerelle.core.handoff.HandoffConflictException;
import org.passerelle.core.handoff.HandoffState;
import org.passerelle.core.handoff.InboxItem;
import org.passerelle.core.handoff.Priority;
import org.passerelle.core.handoff.UnknownHandoffException;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inbox pages: the lists (waiting, mine), one conversation with its transcript, the parts
 * that the pages fetch again when the event stream says the inbox changed, and the stream itself.
 */
@Controller
@RequestMapping("/inbox")
class InboxPageController {

    private final MediatorDesk desk;
    private final InboxAccess access;
    private final InboxStaff staff;
    private final InboxEvents events;
    private final Clock clock;
    private final int maxTextLength;

    InboxPageController(MediatorDesk desk, InboxAccess access, InboxStaff staff, InboxEvents events, Clock clock,
            HandoffSetup handoff) {
        this.desk = desk;
        this.access = access;
        this.staff = staff;
        this.events = events;
        this.clock = clock;
        this.maxTextLength = handoff.settings().maxTextLength();
    }

    /** Admins get a way back to the admin pages in the bar. */
    @ModelAttribute("admin")
    boolean admin(Authentication caller) {
        return caller != null && staff.isAdmin(caller);
    }

    @GetMapping({"", "/"})
    String index(Authentication caller, Model model) {
        var waiting = waitingRows(caller);
        model.addAttribute("me", staff.displayName(caller.getName()));
        model.addAttribute("waiting", waiting);
        model.addAttribute("mine", mineRows(caller));
        summary(waiting, model);
        return "inbox/index";
    }

    /** How many wait, and which of them are in danger: the page alerts on a new one. */
    @GetMapping("/summary")
    String summary(Authentication caller, Model model) {
        summary(waitingRows(caller), model);
        return "inbox/fragments :: summary";
    }

    @GetMapping("/waiting")
    String waiting(Authentication caller, Model model) {
        model.addAttribute("waiting", waitingRows(caller));
        return "inbox/fragments :: waiting";
    }

    @GetMapping("/mine")
    String mine(Authentication caller, Model model) {
        model.addAttribute("mine", mineRows(caller));
        return "inbox/fragments :: mine";
    }

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter events() {
        return events.open();
    }

    @GetMapping("/conversations/{id}")
    String conversation(@PathVariable String id, Authentication caller, Model model, RedirectAttributes redirect) {
        InboxItem item;
        try {
            item = access.readable(id, caller);
        } catch (UnknownHandoffException e) {
            redirect.addFlashAttribute("notice", "inbox.notice.gone");
            return "redirect:/inbox";
        } catch (HandoffConflictException e) {
            redirect.addFlashAttribute("notice", "inbox.notice.taken");
            return "redirect:/inbox";
        }
        var row = row(item, caller);
        model.addAttribute("me", staff.displayName(caller.getName()));
        summary(waitingRows(caller), model);
        live(row, model);
        if (row.mine()) {
            model.addAttribute("canned", desk.cannedReplies(item.language()));
            model.addAttribute("maxLength", maxTextLength);
            model.addAttribute("colleagues", staff.colleagues(caller.getName()));
        }
        return "inbox/conversation";
    }

    /** The status, the transcript and the actions of one conversation, drawn again on each change. */
    @GetMapping("/conversations/{id}/live")
    String live(@PathVariable String id, Authentication caller, Model model) {
        try {
            live(row(access.readable(id, caller), caller), model);
        } catch (UnknownHandoffException | HandoffConflictException e) {
            model.addAttribute("gone", true);
        }
        return "inbox/fragments :: live";
    }

    private void live(InboxRow row, Model model) {
        model.addAttribute("row", row);
        model.addAttribute("gone", false);
        model.addAttribute("transcript", desk.transcript(row.id()).stream()
                .map(TranscriptLine::of).toList());
        model.addAttribute("claimable", row.item().state() == HandoffState.WAITING);
    }

    private static void summary(List<InboxRow> waiting, Model model) {
        model.addAttribute("waitingCount", waiting.size());
        model.addAttribute("dangerIds", waiting.stream()
                .filter(row -> row.item().priority() == Priority.DANGER).map(InboxRow::id).toList());
    }

    private List<InboxRow> waitingRows(Authentication caller) {
        var now = clock.instant();
        return desk.waiting(staff.mediator(caller)).stream()
                .map(item -> InboxRow.of(item, now, staff, caller.getName())).toList();
    }

    private List<InboxRow> mineRows(Authentication caller) {
        var now = clock.instant();
        return desk.held(caller.getName()).stream()
                .map(item -> InboxRow.of(item, now, staff, caller.getName())).toList();
    }

    private InboxRow row(InboxItem item, Authentication caller) {
        return InboxRow.of(item, clock.instant(), staff, caller.getName());
    }
}
