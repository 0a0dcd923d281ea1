package org.passerelle.admin.content;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.passerelle.content.Topic;
import org.passerelle.content.TopicText;
import org.passerelle.content.sms.SmsSegments;
import org.passerelle.core.content.Draft;

/** The JSON shapes of the content editor's API. */
final class ContentApi {

    private ContentApi() {
    }

    /** The content in force: its version, languages and topics, and the pending drafts. */
    record Overview(int version, List<String> languages, List<TopicSummary> topics, List<DraftSummary> drafts) {
    }

    /** One topic with the status and title of each language. */
    record TopicSummary(String id, String kind, Map<String, LanguageSummary> languages) {

        static TopicSummary of(Topic topic) {
            var languages = new java.util.LinkedHashMap<String, LanguageSummary>();
            topic.languages().forEach((language, text) -> languages.put(language.code(),
                    new LanguageSummary(text.status().yamlName(), text.title())));
            return new TopicSummary(topic.id(), topic.kind().name().toLowerCase(java.util.Locale.ROOT), languages);
        }
    }

    /** The status and title of one language of a topic. */
    record LanguageSummary(String status, String title) {
    }

    /** A pending draft. */
    record DraftSummary(String topicId, String language, String author, Instant updatedAt) {

        static DraftSummary of(Draft draft) {
            return new DraftSummary(draft.topicId(), draft.language().code(), draft.author(), draft.updatedAt());
        }
    }

    /** A topic in full, as in its file. */
    record TopicJson(String id, String kind, List<String> sources, String reviewed, List<String> next,
            Map<String, TextJson> languages, Map<String, TextJson> drafts) {
    }

    /** One language of a topic. */
    record TextJson(String status, String title, String text, String sms, List<String> phrases) {

        static TextJson of(TopicText text) {
            return new TextJson(text.status().yamlName(), text.title(), text.text(), text.sms(), text.phrases());
        }
    }

    /** A draft as the editor sends it; a missing status means draft (French) or needs-review. */
    record DraftRequest(String status, String title, String text, String sms, List<String> phrases) {
    }

    /** A saved draft, with what the person would read. */
    record DraftResponse(DraftSummary draft, Preview preview) {
    }

    /**
     * The texts with the directory resolved, and what the SMS costs: its encoding, its segments
     * and the characters that force UCS-2 (which halves what a segment holds).
     */
    record Preview(String text, String sms, String smsEncoding, int smsSegments, List<String> smsNonGsm7) {

        static Preview of(String text, String sms) {
            var count = SmsSegments.count(sms);
            return new Preview(text, sms, count.encoding().displayName(), count.segments(),
                    SmsSegments.nonGsm7Characters(sms));
        }
    }

    /** Publish the drafts made against {@code baseVersion}. */
    record PublishRequest(Integer baseVersion, String note) {
    }

    /** Publish version {@code toVersion} again, on top of {@code baseVersion}. */
    record RollbackRequest(Integer baseVersion, Integer toVersion, String note) {
    }
}
