package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A person on the web chat asks for a human; a mediator takes the conversation through the inbox
 * API and they talk, her side on the web chat's own event stream; the bot stays silent but for
 * danger; one mediator holds a conversation at a time. All over real HTTP.
 */
class InboxIntegrationTests extends InboxTestSupport {

    @Test
    void aMediatorTakesOverAWebChatConversationAndAnswersOnHerStream() throws Exception {
        var id = asksForAHuman();
        var waiting = inboxItem(id);
        assertThat(waiting.get("state").asString()).isEqualTo("WAITING");
        assertThat(waiting.get("channel").asString()).isEqualTo("webchat");
        assertThat(waiting.get("language").asString()).isEqualTo("fr");
        assertThat(waiting.get("priority").asString()).isEqualTo("NORMAL");
        assertThat(waiting.get("mediator").isNull()).isTrue();
        // The inbox knows her by a pseudonym only, never by the address her page uses.
        assertThat(staff.admin("GET", "/api/inbox/conversations", null).body()).doesNotContain(she.conversationId());

        try (var stream = WebChatEvents.open(she, she.conversationId())) {
            var claimed = staff.admin("POST", "/api/inbox/conversations/" + id + "/claim", null);
            assertThat(claimed.statusCode()).isEqualTo(200);
            var held = WebChatClient.json(claimed.body());
            assertThat(held.get("state").asString()).isEqualTo("WITH_MEDIATOR");
            assertThat(held.get("mediator").asString()).isEqualTo("admin");
            assertThat(held.get("claimedAt").isNull()).isFalse();

            var sent = staff.admin("POST", "/api/inbox/conversations/" + id + "/messages",
                    "{\"text\": \"Bonjour, je m'appelle Awa. Je suis là pour vous.\"}");
            assertThat(sent.statusCode()).isEqualTo(202);
            var seen = stream.awaitContaining("je m'appelle Awa", WAIT);
            // Told first that a mediator is with her, then the mediator's own words.
            assertThat(seen).hasSizeGreaterThanOrEqualTo(2);
        }

        var conversation = WebChatClient.json(staff.admin("GET", "/api/inbox/conversations/" + id, null).body());
        assertThat(conversation.get("transcript").valueStream().map(line -> line.get("author").asString()))
                .contains("PERSON", "MEDIATOR");
    }

    @Test
    void theBotStaysSilentWhileHeldButStillAnswersDanger() throws Exception {
        var id = asksForAHuman();
        assertThat(staff.admin("POST", "/api/inbox/conversations/" + id + "/claim", null).statusCode())
                .isEqualTo(200);

        var quiet = she.say("Je voudrais un titre de séjour");
        assertThat(quiet.get("replies").size()).isZero();
        var transcript = WebChatClient.json(staff.admin("GET", "/api/inbox/conversations/" + id, null).body())
                .get("transcript");
        assertThat(transcript.valueStream().map(line -> line.get("text").asString()))
                .contains("Je voudrais un titre de séjour");

        she.say("au secours");
        assertThat(she.lastText()).contains("17", "112", "114");
        assertThat(inboxItem(id).get("priority").asString()).isEqualTo("DANGER");
        assertThat(inboxItem(id).get("state").asString()).isEqualTo("WITH_MEDIATOR");
    }

    @Test
    void releaseGivesTheConversationBackToTheBot() throws Exception {
        var id = asksForAHuman();
        assertThat(staff.admin("POST", "/api/inbox/conversations/" + id + "/claim", null).statusCode())
                .isEqualTo(200);
        assertThat(staff.admin("POST", "/api/inbox/conversations/" + id + "/release", null).statusCode())
                .isEqualTo(204);

        assertThat(staff.admin("GET", "/api/inbox/conversations/" + id, null).statusCode()).isEqualTo(404);
        var answer = she.say("menu");
        assertThat(answer.get("replies").size()).isPositive();
        assertThat(she.optionKeys()).contains("topics", "human");
        // Back with the bot, the conversation can no longer be answered from the inbox.
        var late = staff.admin("POST", "/api/inbox/conversations/" + id + "/messages", "{\"text\": \"Encore là ?\"}");
        assertThat(late.statusCode()).isIn(404, 409);
    }

    @Test
    void closingEndsTheHandoff() {
        var id = asksForAHuman();
        staff.admin("POST", "/api/inbox/conversations/" + id + "/claim", null);
        assertThat(staff.admin("POST", "/api/inbox/conversations/" + id + "/close", null).statusCode())
                .isEqualTo(204);
        assertThat(staff.admin("GET", "/api/inbox/conversations/" + id, null).statusCode()).isEqualTo(404);
        assertThat(staff.admin("GET", "/api/inbox/conversations", null).body()).doesNotContain(id);
    }

    @Test
    void refusesBadRequestsWithProblemDetails() {
        var id = asksForAHuman();
        var unknown = staff.admin("POST", "/api/inbox/conversations/" + "A".repeat(32) + "/claim", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(staff.admin("GET", "/api/inbox/conversations/..%2F..%2Fetc", null).statusCode()).isIn(400, 404);

        // Not held by the caller yet: sending is a conflict, not a silent loss.
        var early = staff.admin("POST", "/api/inbox/conversations/" + id + "/messages", "{\"text\": \"Bonjour\"}");
        assertThat(early.statusCode()).isEqualTo(409);

        staff.admin("POST", "/api/inbox/conversations/" + id + "/claim", null);
        var blank = staff.admin("POST", "/api/inbox/conversations/" + id + "/messages", "{\"text\": \"   \"}");
        assertThat(blank.statusCode()).isEqualTo(400);
        var missing = staff.admin("POST", "/api/inbox/conversations/" + id + "/messages", "{}");
        assertThat(missing.statusCode()).isEqualTo(400);
        var malformed = staff.admin("POST", "/api/inbox/conversations/" + id + "/messages", "{\"text\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).doesNotContain("Exception");
        var toNobody = staff.admin("POST", "/api/inbox/conversations/" + id + "/transfer", "{\"to\": \" \"}");
        assertThat(toNobody.statusCode()).isEqualTo(400);
    }

    @Test
    void staysClosedToAnonymousCallers() {
        assertThat(staff.call("GET", "/api/inbox/conversations", null, null).statusCode()).isEqualTo(401);
        assertThat(staff.call("GET", "/api/inbox/conversations", null, "wrong-password-123").statusCode())
                .isEqualTo(401);
    }

    @Test
    void oneMediatorHoldsAConversationUntilSheHandsItToAColleague() {
        mediator("rosa", "fr");
        mediator("nadia", "fr", "ro");
        var id = asksForAHuman();
        assertThat(as("rosa", "POST", "/api/inbox/conversations/" + id + "/claim", null).statusCode()).isEqualTo(200);

        assertThat(as("nadia", "POST", "/api/inbox/conversations/" + id + "/claim", null).statusCode()).isEqualTo(409);
        assertThat(as("nadia", "GET", "/api/inbox/conversations/" + id, null).statusCode()).isEqualTo(409);
        assertThat(as("nadia", "POST", "/api/inbox/conversations/" + id + "/close", null).statusCode()).isEqualTo(409);
        // Admins oversee every conversation.
        assertThat(staff.admin("GET", "/api/inbox/conversations/" + id, null).statusCode()).isEqualTo(200);

        var toNobody = as("rosa", "POST", "/api/inbox/conversations/" + id + "/transfer", "{\"to\": \"nobody\"}");
        assertThat(toNobody.statusCode()).isEqualTo(400);
        var handed = as("rosa", "POST", "/api/inbox/conversations/" + id + "/transfer", "{\"to\": \"nadia\"}");
        assertThat(handed.statusCode()).isEqualTo(200);
        assertThat(WebChatClient.json(handed.body()).get("mediator").asString()).isEqualTo("nadia");

        assertThat(as("rosa", "POST", "/api/inbox/conversations/" + id + "/messages", "{\"text\": \"Toujours là\"}")
                .statusCode()).isEqualTo(409);
        assertThat(as("nadia", "POST", "/api/inbox/conversations/" + id + "/messages", "{\"text\": \"Bonjour\"}")
                .statusCode()).isEqualTo(202);
        assertThat(as("nadia", "GET", "/api/inbox/conversations", null).body()).contains(id);
        assertThat(as("rosa", "GET", "/api/inbox/conversations", null).body()).doesNotContain(id);
    }

    @Test
    void aMediatorIsOfferedOnlyTheLanguagesSheSpeaks() {
        mediator("lin", "zh");
        mediator("ioana", "ro", "fr");
        var id = asksForAHuman();
        assertThat(as("lin", "GET", "/api/inbox/conversations", null).body()).doesNotContain(id);
        assertThat(as("ioana", "GET", "/api/inbox/conversations", null).body()).contains(id);
    }
}
