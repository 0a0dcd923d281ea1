package org.passerelle.admin.inbox;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.passerelle.core.conversation.MediatorDesk;
import org.passerelle.core.handoff.HandoffConflictException;
import org.passerelle.core.handoff.UnknownHandoffException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a mediator does from the pages: take a conversation, answer, give it back to the bot,
 * hand it to a colleague, close it. Plain forms (post, then redirect) that htmx also sends; a
 * refused action comes back as a notice on the next page, never as an error page.
 */
@Controller
@RequestMapping("/inbox/conversations/{id}")
class InboxActionController {

    private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private final MediatorDesk desk;
    private final InboxStaff staff;
    private final MessageSource messages;

    InboxActionController(MediatorDesk desk, InboxStaff staff, MessageSource messages) {
        this.desk = desk;
        this.staff = staff;
        this.messages = messages;
    }

    @PostMapping("/claim")
    String claim(@PathVariable String id, Authentication caller, RedirectAttributes redirect) {
        return act(id, redirect, "inbox.notice.claimed",
                () -> desk.claim(InboxAccess.known(id), staff.mediator(caller)));
    }

    @PostMapping("/release")
    String release(@PathVariable String id, Authentication caller, RedirectAttributes redirect) {
        act(id, redirect, "inbox.notice.released", () -> desk.release(InboxAccess.known(id), caller.getName()));
        return "redirect:/inbox";
    }

    @PostMapping("/close")
    String close(@PathVariable String id, Authentication caller, RedirectAttributes redirect) {
        act(id, redirect, "inbox.notice.closed", () -> desk.close(InboxAccess.known(id), caller.getName()));
        return "redirect:/inbox";
    }

    @PostMapping("/transfer")
    String transfer(@PathVariable String id, @RequestParam(required = false) String to, Authentication caller,
            RedirectAttributes redirect) {
        var colleague = staff.colleague(to).filter(m -> !m.id().equals(caller.getName()));
        if (colleague.isEmpty()) {
            return act(id, redirect, "inbox.notice.noColleague", () -> { });
        }
        act(id, redirect, "inbox.notice.transferred",
                () -> desk.transfer(InboxAccess.known(id), caller.getName(), colleague.get()));
        return "redirect:/inbox";
    }

    /**
     * Sends her an answer. From htmx the answer is 204 and the page redraws the transcript on the
     * next change; a refusal is a short text to show beside the reply box.
     */
    @PostMapping(path = "/messages", headers = "HX-Request")
    ResponseEntity<String> sendFromPage(@PathVariable String id, @RequestParam(required = false) String text,
            Authentication caller, Locale locale) {
        try {
            send(id, text, caller);
            // The page redraws the transcript at once instead of waiting for the next poll.
            return ResponseEntity.noContent().header("HX-Trigger", "inbox-changed").build();
        } catch (IllegalArgumentException e) {
            return refusal(HttpStatus.UNPROCESSABLE_CONTENT, "inbox.reply.invalid", locale);
        } catch (HandoffConflictException e) {
            return refusal(HttpStatus.CONFLICT, "inbox.reply.notYours", locale);
        } catch (UnknownHandoffException e) {
            return refusal(HttpStatus.NOT_FOUND, "inbox.notice.gone", locale);
        }
    }

    /** The same without JavaScript: post, then back to the conversation. */
    @PostMapping("/messages")
    String send(@PathVariable String id, @RequestParam(required = false) String text, Authentication caller,
            RedirectAttributes redirect) {
        return act(id, redirect, null, () -> send(id, text, caller));
    }

    private void send(String id, String text, Authentication caller) {
        var conversationId = InboxAccess.known(id);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text is required");
        }
        desk.send(conversationId, caller.getName(), text.strip());
    }

    private ResponseEntity<String> refusal(HttpStatus status, String key, Locale locale) {
        return ResponseEntity.status(status).contentType(TEXT)
                .body(messages.getMessage(key, null, locale));
    }

    /** Runs an action; where to go next, with a notice saying what happened. */
    private String act(String id, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            if (done != null) {
                redirect.addFlashAttribute("notice", done);
            }
            return "redirect:/inbox/conversations/" + InboxAccess.known(id);
        } catch (HandoffConflictException e) {
            redirect.addFlashAttribute("notice", "inbox.notice.taken");
        } catch (UnknownHandoffException e) {
            redirect.addFlashAttribute("notice", "inbox.notice.gone");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("notice", "inbox.reply.invalid");
            return "redirect:/inbox/conversations/" + InboxAccess.known(id);
        }
        return "redirect:/inbox";
    }
}
