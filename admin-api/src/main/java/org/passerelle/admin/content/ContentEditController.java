package org.passerelle.admin.content;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.passerelle.admin.web.AdminPage;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;
import org.passerelle.content.ReviewStatus;
import org.passerelle.content.Topic;
import org.passerelle.content.TopicText;
import org.passerelle.content.validate.ContentValidator;
import org.passerelle.core.content.ContentEditor;
import org.passerelle.core.content.Draft;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Editing one language of one topic: its title, full text, SMS text and phrases, with the French
 * source beside it and a live preview of the SMS as it will be sent. A draft that a publish would
 * refuse is not saved; the problems are shown next to their fields and nothing typed is lost.
 */
@Controller
@AdminPage
class ContentEditController {

    /** What the form sends; {@code phrases} one per line. */
    record Form(String title, String text, String sms, String phrases) {

        static Form of(TopicText text) {
            return text == null ? new Form("", "", "", "")
                    : new Form(text.title(), text.text(), text.sms(), String.join("\n", text.phrases()));
        }

        static Form orEmpty(String title, String text, String sms, String phrases) {
            return new Form(nonNull(title), nonNull(text), nonNull(sms), nonNull(phrases));
        }

        private static String nonNull(String value) {
            return value == null ? "" : value;
        }
    }

    private final ContentEditor editor;
    private final DraftCheck check;
    private final MessageSource messages;

    ContentEditController(ContentEditor editor, ContentValidator validator, MessageSource messages) {
        this.editor = editor;
        this.check = new DraftCheck(validator);
        this.messages = messages;
    }

    @GetMapping("/admin/content/{topicId}/{code}")
    String edit(@PathVariable String topicId, @PathVariable String code, Model model) {
        var language = ContentPages.language(code);
        var topic = ContentPages.topic(editor, topicId);
        var draft = ContentPages.draft(editor.drafts(), topicId, language);
        var text = draft.map(Draft::text).orElseGet(() -> topic.in(language).orElse(null));
        page(model, topic, language, Form.of(text), Map.of());
        return "admin/content/edit";
    }

    @PostMapping("/admin/content/{topicId}/{code}")
    String save(@PathVariable String topicId, @PathVariable String code, Form sent,
            @RequestParam(required = false) String action, Principal who, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        var language = ContentPages.language(code);
        var topic = ContentPages.topic(editor, topicId);
        var form = Form.orEmpty(sent.title(), sent.text(), sent.sms(), sent.phrases());
        boolean review = "review".equals(action);
        var draft = new TopicText(status(language, review), clean(form.title()), clean(form.text()),
                clean(form.sms()), ContentPages.phrases(form.phrases()));
        var problems = check.check(catalog(), topic, language, draft);
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            page(model, topic, language, form, errors(problems, locale));
            return "admin/content/edit";
        }
        editor.saveDraft(topic.id(), language, draft, who.getName());
        redirect.addFlashAttribute("notice", review ? "content.notice.reviewed" : "content.notice.saved");
        return "redirect:/admin/content/" + topic.id() + "/" + language.code();
    }

    /** Reviewed when she says so; else a French edit is a draft and a translation needs a review. */
    private static ReviewStatus status(Language language, boolean review) {
        if (review) {
            return ReviewStatus.REVIEWED;
        }
        return language == Language.SOURCE ? ReviewStatus.DRAFT : ReviewStatus.NEEDS_REVIEW;
    }

    /** A field as the content files keep it: line breaks as the browser sends them made plain, no outer spaces. */
    private static String clean(String value) {
        return value.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    @PostMapping("/admin/content/{topicId}/{code}/discard")
    String discard(@PathVariable String topicId, @PathVariable String code, RedirectAttributes redirect) {
        var language = ContentPages.language(code);
        var topic = ContentPages.topic(editor, topicId);
        boolean discarded = editor.discardDraft(topic.id(), language);
        redirect.addFlashAttribute("notice", discarded ? "content.notice.discarded" : "content.notice.noDraft");
        return "redirect:/admin/content/" + topic.id() + "/" + language.code();
    }

    /** The SMS preview as JSON, for the script that updates it as she types. */
    @GetMapping(path = "/admin/content/preview", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    SmsPreview preview(@RequestParam(name = "language", required = false) String code,
            @RequestParam(required = false) String sms) {
        var language = ContentPages.language(code == null ? "" : code);
        return SmsPreview.of(catalog().resolve(sms == null ? "" : sms.strip(), language));
    }

    private ContentCatalog catalog() {
        return editor.catalog(editor.currentVersion());
    }

    private void page(Model model, Topic topic, Language language, Form form, Map<String, List<String>> errors) {
        var catalog = catalog();
        var drafts = editor.drafts();
        var draft = ContentPages.draft(drafts, topic.id(), language);
        var current = draft.map(Draft::text).orElseGet(() -> topic.in(language).orElse(null));
        model.addAttribute("topicId", topic.id());
        model.addAttribute("topicTitle", topic.in(Language.SOURCE).map(TopicText::title).orElse(topic.id()));
        model.addAttribute("language", language);
        model.addAttribute("languages", List.of(Language.values()));
        model.addAttribute("status", ContentPages.status(current));
        model.addAttribute("draft", draft.orElse(null));
        model.addAttribute("draftWhen", draft.map(d -> ContentPages.when(d.updatedAt())).orElse(""));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("preview", SmsPreview.of(catalog.resolve(clean(form.sms()), language)));
        model.addAttribute("source", language == Language.SOURCE ? null : topic.in(Language.SOURCE).orElse(null));
        model.addAttribute("sourceDraft", language != Language.SOURCE
                && ContentPages.draft(drafts, topic.id(), Language.SOURCE).isPresent());
        model.addAttribute("directory", new ArrayList<>(new java.util.TreeSet<>(catalog.directory().keySet())));
    }

    private Map<String, List<String>> errors(List<DraftCheck.Problem> problems, Locale locale) {
        var errors = new LinkedHashMap<String, List<String>>();
        for (var problem : problems) {
            errors.computeIfAbsent(problem.field(), f -> new ArrayList<>())
                    .add(messages.getMessage(problem.key(), problem.args().toArray(), locale));
        }
        return errors;
    }
}
