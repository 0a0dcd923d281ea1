package org.passerelle.connectors.webchat;

import java.util.List;
import org.passerelle.core.channel.Option;
import org.passerelle.core.channel.Reply;

/** The JSON shapes of the web chat API. */
final class WebChatApi {

    private WebChatApi() {
    }

    /** A message from the page; a null conversation id starts a new conversation. */
    record MessageRequest(String conversationId, String text) {
    }

    /** The answer to one message. */
    record MessageResponse(String conversationId, String language, String direction, List<ReplyJson> replies) {
    }

    /** One reply as the page shows it. */
    record ReplyJson(String text, List<OptionJson> options) {

        static ReplyJson of(Reply reply) {
            return new ReplyJson(reply.text(), reply.options().stream().map(OptionJson::of).toList());
        }
    }

    /** One option: the key to send back, the label to show. */
    record OptionJson(String key, String label) {

        static OptionJson of(Option option) {
            return new OptionJson(option.key(), option.label());
        }
    }
}
