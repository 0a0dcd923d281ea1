package org.passerelle.admin.content;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import org.passerelle.content.Language;
import org.passerelle.content.ReviewStatus;
import org.passerelle.content.TopicText;
import org.passerelle.core.content.ContentEditor;
import org.passerelle.core.content.ContentVersion;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The content editor's API: read the version in force, edit drafts per topic and language,
 * publish them, roll back. Refusals come back as problem details that name each problem.
 */
@RestController
@RequestMapping(path = "/api/content", produces = MediaType.APPLICATION_JSON_VALUE)
class ContentController {

    private final ContentEditor editor;

    ContentController(ContentEditor editor) {
        this.editor = editor;
    }

    @GetMapping
    ContentApi.Overview overview() {
        int version = editor.currentVersion();
        var catalog = editor.catalog(version);
        return new ContentApi.Overview(version,
                catalog.languages().stream().map(Language::code).toList(),
                catalog.topics().stream().map(ContentApi.TopicSummary::of).toList(),
                editor.drafts().stream().map(ContentApi.DraftSummary::of).toList());
    }

    @GetMapping("/versions")
    List<ContentVersion> versions() {
        return editor.history();
    }

    @GetMapping("/topics/{topicId}")
    ContentApi.TopicJson topic(@PathVariable String topicId) {
        var topic = editor.catalog(editor.currentVersion()).topic(topicId)
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "no topic '" + topicId + "'"));
        var languages = new LinkedHashMap<String, ContentApi.TextJson>();
        topic.languages().forEach((language, text) -> languages.put(language.code(), ContentApi.TextJson.of(text)));
        var drafts = new LinkedHashMap<String, ContentApi.TextJson>();
        editor.drafts().stream().filter(d -> d.topicId().equals(topicId))
                .forEach(d -> drafts.put(d.language().code(), ContentApi.TextJson.of(d.text())));
        return new ContentApi.TopicJson(topic.id(), topic.kind().name().toLowerCase(java.util.Locale.ROOT),
                topic.sources(), String.valueOf(topic.reviewed()), topic.next(), languages, drafts);
    }

    @PutMapping(path = "/topics/{topicId}/drafts/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ContentApi.DraftResponse saveDraft(@PathVariable String topicId, @PathVariable String code,
            @RequestBody ContentApi.DraftRequest request, Principal who) {
        var language = language(code);
        if (request == null || blank(request.title()) || blank(request.text()) || blank(request.sms())) {
            throw problem(HttpStatus.BAD_REQUEST, "title, text and sms are required");
        }
        var status = request.status() == null
                ? (language == Language.SOURCE ? ReviewStatus.DRAFT : ReviewStatus.NEEDS_REVIEW)
                : status(request.status());
        var phrases = request.phrases() == null ? List.<String>of() : request.phrases().stream()
                .map(String::strip).filter(p -> !p.isEmpty()).toList();
        var text = new TopicText(status, request.title().strip(), request.text(), request.sms().strip(), phrases);
        try {
            var draft = editor.saveDraft(topicId, language, text, who.getName());
            var catalog = editor.catalog(editor.currentVersion());
            var sms = catalog.resolve(text.sms(), language);
            return new ContentApi.DraftResponse(ContentApi.DraftSummary.of(draft),
                    ContentApi.Preview.of(catalog.resolve(text.text(), language), sms));
        } catch (IllegalArgumentException e) {
            throw problem(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    @DeleteMapping("/topics/{topicId}/drafts/{code}")
    ResponseEntity<Void> discardDraft(@PathVariable String topicId, @PathVariable String code) {
        return editor.discardDraft(topicId, language(code))
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    @PostMapping(path = "/publish", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ContentVersion> publish(@RequestBody ContentApi.PublishRequest request, Principal who) {
        if (request == null || request.baseVersion() == null) {
            throw problem(HttpStatus.BAD_REQUEST, "baseVersion is required: the version your drafts were made on");
        }
        return created(editor.publish(request.baseVersion(), who.getName(), request.note()));
    }

    @PostMapping(path = "/rollback", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ContentVersion> rollback(@RequestBody ContentApi.RollbackRequest request, Principal who) {
        if (request == null || request.baseVersion() == null || request.toVersion() == null) {
            throw problem(HttpStatus.BAD_REQUEST, "baseVersion and toVersion are required");
        }
        try {
            return created(editor.rollback(request.baseVersion(), request.toVersion(), who.getName(), request.note()));
        } catch (IllegalArgumentException e) {
            throw problem(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }

    private static ResponseEntity<ContentVersion> created(ContentVersion version) {
        return ResponseEntity.status(HttpStatus.CREATED).body(version);
    }

    private static Language language(String code) {
        return Language.fromCode(code)
                .filter(l -> l.code().equals(code))
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "no language '" + code + "'"));
    }

    private static ReviewStatus status(String value) {
        try {
            return ReviewStatus.fromYaml(value);
        } catch (IllegalArgumentException e) {
            throw problem(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
