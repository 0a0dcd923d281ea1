package org.passerelle.connectors.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Telegram updates and Bot API request bodies as the contract tests send and expect them. */
final class TelegramPayloads {

    static final long CHAT = 424242421L;

    private static final ObjectMapper json = new ObjectMapper();

    private TelegramPayloads() {
    }

    static String quoted(String text) {
        try {
            return json.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String privateChat() {
        return "\"chat\":{\"id\":" + CHAT + ",\"type\":\"private\",\"first_name\":\"A\"},"
                + "\"from\":{\"id\":" + CHAT + ",\"is_bot\":false,\"first_name\":\"A\"}";
    }

    static String textUpdate(int updateId, String text, String extra) {
        return "{\"update_id\":" + updateId + extra + ",\"message\":{\"message_id\":7,\"date\":1772446530,"
                + privateChat() + ",\"text\":" + quoted(text) + "}}";
    }

    static String callbackUpdate(int updateId, String data) {
        return "{\"update_id\":" + updateId + ",\"callback_query\":{\"id\":\"cbq-1\","
                + "\"from\":{\"id\":" + CHAT + ",\"is_bot\":false,\"first_name\":\"A\"},\"chat_instance\":\"ci-1\","
                + "\"data\":" + quoted(data) + ",\"message\":{\"message_id\":8,\"date\":1772446530,"
                + privateChat() + ",\"text\":\"Choisissez\"}}}";
    }

    static String editedUpdate(int updateId) {
        return "{\"update_id\":" + updateId + ",\"edited_message\":{\"message_id\":7,\"date\":1772446530,"
                + "\"edit_date\":1772446590," + privateChat() + ",\"text\":\"corrigé\"}}";
    }

    static String groupUpdate(int updateId) {
        return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":7,\"date\":1772446530,"
                + "\"chat\":{\"id\":-100987,\"type\":\"group\",\"title\":\"G\"},"
                + "\"from\":{\"id\":" + CHAT + ",\"is_bot\":false,\"first_name\":\"A\"},\"text\":\"hello group\"}}";
    }

    static String photoUpdate(int updateId) {
        return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":9,\"date\":1772446530," + privateChat()
                + ",\"photo\":[{\"file_id\":\"f-1\",\"file_unique_id\":\"u-1\",\"width\":90,\"height\":90}]}}";
    }

    static String body(String text, String keyboard) {
        return "{\"method\":\"sendmessage\",\"chat_id\":\"" + CHAT + "\",\"text\":" + quoted(text)
                + ",\"parse_mode\":\"HTML\""
                + (keyboard == null ? "" : ",\"reply_markup\":{\"inline_keyboard\":" + keyboard + "}") + "}";
    }
}
