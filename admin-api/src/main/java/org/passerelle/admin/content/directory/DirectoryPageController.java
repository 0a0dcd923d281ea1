package org.passerelle.admin.content.directory;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.passerelle.admin.web.AdminPage;
import org.passerelle.content.ContentInvalidException;
import org.passerelle.content.DirectoryEntry;
import org.passerelle.content.Language;
import org.passerelle.core.content.ContentConflictException;
import org.passerelle.core.content.ContentEditor;
import org.passerelle.core.content.DirectoryEditor;
import org.passerelle.core.content.DirectoryEntryException;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The directory page: every entry grouped by service, where it is shown and how a line reads
 * with it, a form per entry that saves a draft, a form for a new entry, and publishing every
 * draft (topics' too) with a note. Plain forms: post, then redirect; a refused form comes back
 * with the problems next to its fields.
 */
@Controller
@AdminPage
@RequestMapping("/admin/content/directory")
class DirectoryPageController {

    private static final String PAGE = "/admin/content/directory";

    private final DirectoryEditor directory;
    private final ContentEditor content;
    private final MessageSource messages;

    DirectoryPageController(DirectoryEditor directory, ContentEditor content, MessageSource messages) {
        this.directory = directory;
        this.content = content;
        this.messages = messages;
    }

    @GetMapping
    String page(Model model) {
        return render(model, null);
    }

    @PostMapping("/{key}")
    String save(@PathVariable String key, @RequestParam Map<String, String> params, Authentication caller,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        var form = form(params);
        try {
            var entry = EntryChanges.apply(EntryChanges.base(directory, key), request(form));
            directory.saveDraft(entry, caller.getName());
        } catch (DirectoryEntryException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(model, new DirectoryView.Refused(key, form, errors(e)));
        }
        redirect.addFlashAttribute("notice", "directory.notice.saved");
        return "redirect:" + PAGE + "#entry-" + key;
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String key, @RequestParam Map<String, String> params,
            Authentication caller, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        var trimmed = key.strip().toLowerCase(Locale.ROOT);
        var form = form(params);
        Map<String, String> errors;
        if (directory.catalog().directoryEntry(trimmed).isPresent() || directory.draft(trimmed).isPresent()) {
            errors = Map.of("key", "directory.problem.taken");
        } else {
            try {
                var blank = new DirectoryEntry(trimmed, null, Map.of(), false, "");
                directory.saveDraft(EntryChanges.apply(blank, request(form)), caller.getName());
                redirect.addFlashAttribute("notice", "directory.notice.saved");
                return "redirect:" + PAGE + "#entry-" + trimmed;
            } catch (DirectoryEntryException e) {
                errors = errors(e);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("newEntry", new DirectoryView.Refused(trimmed, form, errors));
        return render(model, null);
    }

    @PostMapping("/{key}/discard")
    String discard(@PathVariable String key, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice",
                directory.discardDraft(key) ? "directory.notice.discarded" : "directory.notice.noDraft");
        return "redirect:" + PAGE;
    }

    @PostMapping("/{key}/remove")
    String remove(@PathVariable String key, Authentication caller, RedirectAttributes redirect, Locale locale) {
        try {
            directory.saveRemoval(key, caller.getName());
            redirect.addFlashAttribute("notice", "directory.notice.removal");
        } catch (DirectoryEntryException e) {
            redirect.addFlashAttribute("problems", List.of(key + " : " + message(e, locale)));
        }
        return "redirect:" + PAGE;
    }

    @PostMapping("/publish")
    String publish(@RequestParam(required = false) Integer baseVersion, @RequestParam(defaultValue = "") String note,
            Authentication caller, RedirectAttributes redirect, Locale locale) {
        if (note.isBlank()) {
            redirect.addFlashAttribute("publishError", "directory.publish.noteRequired");
            return "redirect:" + PAGE + "#publish";
        }
        int base = baseVersion == null ? content.currentVersion() : baseVersion;
        try {
            var version = content.publish(base, caller.getName(), note.strip());
            redirect.addFlashAttribute("notice", "directory.notice.published");
            redirect.addFlashAttribute("publishedVersion", version.number());
        } catch (ContentConflictException e) {
            redirect.addFlashAttribute("problems",
                    List.of(messages.getMessage("directory.publish.conflict", null, locale)));
        } catch (ContentInvalidException e) {
            redirect.addFlashAttribute("problems", List.copyOf(e.problems()));
        }
        return "redirect:" + PAGE;
    }

    private String render(Model model, DirectoryView.Refused refused) {
        model.addAttribute("version", directory.currentVersion());
        model.addAttribute("groups", DirectoryView.groups(directory, refused));
        model.addAttribute("pending", content.drafts().size() + directory.drafts().size());
        model.addAttribute("languages", List.of(Language.values()));
        model.addAttribute("refused", refused);
        if (!model.containsAttribute("newEntry")) {
            model.addAttribute("newEntry", new DirectoryView.Refused("",
                    new DirectoryView.Form("", Map.of(), true, ""), Map.of()));
        }
        return "admin/content/directory";
    }

    private static DirectoryView.Form form(Map<String, String> params) {
        var values = new LinkedHashMap<String, String>();
        for (var language : Language.values()) {
            var value = params.getOrDefault("value-" + language.code(), "").strip();
            if (!value.isEmpty()) {
                values.put(language.code(), value);
            }
        }
        return new DirectoryView.Form(params.getOrDefault("value", "").strip(), values,
                "true".equals(params.get("confirmed")), params.getOrDefault("note", "").strip());
    }

    private static DirectoryApi.EntryRequest request(DirectoryView.Form form) {
        return new DirectoryApi.EntryRequest(form.value(), form.values(), form.confirmed(), form.note(), null);
    }

    /** Each refused field's message key, by the name of its form field. */
    private static Map<String, String> errors(DirectoryEntryException e) {
        var errors = new LinkedHashMap<String, String>();
        for (var problem : e.problems()) {
            var field = problem.field().startsWith("values.") ? "value-" + problem.field().substring(7) : problem.field();
            errors.putIfAbsent(field, "directory.problem." + problem.reason().name().toLowerCase(Locale.ROOT));
        }
        return errors;
    }

    private String message(DirectoryEntryException e, Locale locale) {
        var reason = e.problems().get(0).reason().name().toLowerCase(Locale.ROOT);
        return messages.getMessage("directory.problem." + reason, null, locale);
    }
}
