package org.passerelle.connectors.webchat;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.InboundMessage;
import org.passerelle.core.channel.MessageIntake;
import org.passerelle.core.channel.OutageNotice;
import org.passerelle.core.channel.Reply;
import org.passerelle.core.conversation.ConversationEngine;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The web chat API: one message in, the replies out; later messages on an event stream.
 * Bad input gets a 400 with a reason and never reaches the engine. While the store is down the
 * message is kept by the intake and answered with the outage notice alone; the bot's replies
 * then come on the event stream once the store is back.
 */
@RestController
@RequestMapping(path = "/webchat/api", produces = MediaType.APPLICATION_JSON_VALUE)
class WebChatController {

    private static final Pattern CONVERSATION_ID = Pattern.compile("[A-Za-z0-9_-]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConversationEngine engine;
    private final MessageIntake intake;
    private final OutageNotice notice;
    private final WebChatStreams streams;
    private final WebChatSettings settings;
    private final Clock clock;

    WebChatController(ConversationEngine engine, MessageIntake intake, OutageNotice notice, WebChatStreams streams,
            WebChatSettings settings, Clock clock) {
        this.engine = engine;
        this.intake = intake;
        this.notice = notice;
        this.streams = streams;
        this.settings = settings;
        this.clock = clock;
    }

    @PostMapping(path = "/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    WebChatApi.MessageResponse message(@RequestBody WebChatApi.MessageRequest request) {
        if (request == null || request.text() == null || request.text().isBlank()) {
            throw badRequest("text is required");
        }
        if (request.text().length() > settings.maxTextLength()) {
            throw badRequest("text is longer than " + settings.maxTextLength() + " characters");
        }
        var conversationId = request.conversationId() == null ? newConversationId() : request.conversationId();
        if (!CONVERSATION_ID.matcher(conversationId).matches()) {
            throw badRequest("conversationId is malformed");
        }
        var inbound = new InboundMessage(Channel.WEBCHAT, conversationId, request.text(),
                UUID.randomUUID().toString(), clock.instant());
        return intake.receiveNow(inbound, message -> {
            var turn = engine.handle(message);
            if (turn.erased()) {
                streams.closeAll(conversationId);
            }
            return new WebChatApi.MessageResponse(conversationId, turn.language().code(),
                    turn.language().rightToLeft() ? "rtl" : "ltr",
                    turn.replies().stream().map(WebChatApi.ReplyJson::of).toList());
        }, taken -> deferred(conversationId, request.text(), taken));
    }

    /** The answer to a kept message: the outage notice while the store is down, else nothing yet. */
    private WebChatApi.MessageResponse deferred(String conversationId, String text, MessageIntake.Intake taken) {
        // No language: the page keeps the one it shows; the replies follow on the event stream.
        var replies = taken == MessageIntake.Intake.JOURNALED
                ? List.of(WebChatApi.ReplyJson.of(Reply.text(notice.text(text, null))))
                : List.<WebChatApi.ReplyJson>of();
        return new WebChatApi.MessageResponse(conversationId, null, null, replies);
    }

    @GetMapping(path = "/conversations/{conversationId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable String conversationId) {
        if (!CONVERSATION_ID.matcher(conversationId).matches()) {
            throw badRequest("conversationId is malformed");
        }
        // A conversation whose first messages wait in the journal exists as soon as they are replayed.
        if (!intake.waiting(Channel.WEBCHAT, conversationId) && !engine.knows(Channel.WEBCHAT, conversationId)) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "no such conversation: it was erased or has expired");
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        }
        return streams.open(conversationId);
    }

    private static String newConversationId() {
        var bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static ErrorResponseException badRequest(String detail) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST,
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail), null);
    }
}
