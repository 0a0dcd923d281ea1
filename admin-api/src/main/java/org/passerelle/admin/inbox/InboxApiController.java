package org.passerelle.admin.inbox;

import java.util.List;
import org.passerelle.core.conversation.MediatorDesk;
import org.passerelle.core.handoff.HandoffConflictException;
import org.passerelle.core.handoff.UnknownHandoffException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inbox for scripts and other tools, as the signed-in user: list, read, claim, send, release,
 * transfer, close. An unknown conversation is a 404, one held by someone else a 409, an empty or
 * over-long text a 400, each as a problem detail.
 */
@RestController
@RequestMapping(path = "/api/inbox/conversations", produces = MediaType.APPLICATION_JSON_VALUE)
class InboxApiController {

    private final MediatorDesk desk;
    private final InboxAccess access;
    private final InboxStaff staff;

    InboxApiController(MediatorDesk desk, InboxAccess access, InboxStaff staff) {
        this.desk = desk;
        this.access = access;
        this.staff = staff;
    }

    /** The waiting conversations the caller may take, most urgent first, then those she holds. */
    @GetMapping
    List<InboxApi.ItemJson> conversations(Authentication caller) {
        return access.list(caller).stream().map(InboxApi.ItemJson::of).toList();
    }

    @GetMapping("/{id}")
    InboxApi.ConversationJson conversation(@PathVariable String id, Authentication caller) {
        var item = access.readable(id, caller);
        return InboxApi.ConversationJson.of(item, desk.transcript(item.conversationId()));
    }

    @PostMapping("/{id}/claim")
    InboxApi.ItemJson claim(@PathVariable String id, Authentication caller) {
        return InboxApi.ItemJson.of(desk.claim(InboxAccess.known(id), staff.mediator(caller)));
    }

    @PostMapping(path = "/{id}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> send(@PathVariable String id, @RequestBody InboxApi.MessageRequest request,
            Authentication caller) {
        if (request == null || request.text() == null || request.text().isBlank()) {
            throw new IllegalArgumentException("text is required");
        }
        desk.send(InboxAccess.known(id), caller.getName(), request.text());
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/{id}/release")
    ResponseEntity<Void> release(@PathVariable String id, Authentication caller) {
        desk.release(InboxAccess.known(id), caller.getName());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{id}/transfer", consumes = MediaType.APPLICATION_JSON_VALUE)
    InboxApi.ItemJson transfer(@PathVariable String id, @RequestBody InboxApi.TransferRequest request,
            Authentication caller) {
        var to = staff.colleague(request == null ? null : request.to())
                .orElseThrow(() -> new IllegalArgumentException("to must be the username of a staff account"));
        if (to.id().equals(caller.getName())) {
            throw new IllegalArgumentException("to must name another mediator");
        }
        var conversationId = InboxAccess.known(id);
        desk.transfer(conversationId, caller.getName(), to);
        return desk.find(conversationId).map(InboxApi.ItemJson::of)
                .orElseThrow(() -> new UnknownHandoffException(conversationId));
    }

    @PostMapping("/{id}/close")
    ResponseEntity<Void> close(@PathVariable String id, Authentication caller) {
        desk.close(InboxAccess.known(id), caller.getName());
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(UnknownHandoffException.class)
    ResponseEntity<ProblemDetail> unknown(UnknownHandoffException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(HandoffConflictException.class)
    ResponseEntity<ProblemDetail> conflict(HandoffConflictException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
