package org.passerelle.admin.content;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.passerelle.admin.web.AdminPage;
import org.passerelle.core.content.ContentConflictException;
import org.passerelle.core.content.ContentEditor;
import org.passerelle.core.content.ContentVersion;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The versions of the content, newest first, with who published each, when and why; one
 * version's changes against the one before, side by side; and putting an earlier version back
 * in force, after a confirmation and with a note.
 */
@Controller
@AdminPage
class ContentHistoryController {

    private final ContentEditor editor;

    ContentHistoryController(ContentEditor editor) {
        this.editor = editor;
    }

    @GetMapping("/admin/content/history")
    String history(Model model) {
        model.addAttribute("current", editor.currentVersion());
        model.addAttribute("versions", editor.history().stream().map(ContentPublishController.HistoryEntry::of).toList());
        return "admin/content/history";
    }

    @GetMapping("/admin/content/history/{number}")
    String version(@PathVariable int number, Model model) {
        page(model, number, "");
        return "admin/content/version";
    }

    @PostMapping("/admin/content/history/{number}/rollback")
    String rollback(@PathVariable int number, @RequestParam(required = false) Integer baseVersion,
            @RequestParam(required = false) String note, @RequestParam(required = false) String confirm,
            Principal who, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        var version = info(number);
        var text = note == null ? "" : note.strip();
        String error = null;
        if (baseVersion == null || number == editor.currentVersion()) {
            error = "content.rollback.inForce";
        } else if (text.isEmpty()) {
            error = "content.rollback.noteRequired";
        } else if (!"yes".equals(confirm)) {
            error = "content.rollback.confirmRequired";
        }
        if (error == null) {
            try {
                var done = editor.rollback(baseVersion, version.number(), who.getName(), text);
                redirect.addFlashAttribute("notice", "content.notice.rolledBack");
                redirect.addFlashAttribute("published", done.number());
                return "redirect:/admin/content/history";
            } catch (ContentConflictException e) {
                error = "content.rollback.conflict";
            }
        }
        response.setStatus(error.equals("content.rollback.conflict")
                ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("rollbackError", error);
        page(model, number, text);
        return "admin/content/version";
    }

    private void page(Model model, int number, String note) {
        var version = info(number);
        var after = editor.catalog(number);
        var before = number > 1 ? editor.catalog(number - 1) : null;
        model.addAttribute("version", ContentPublishController.HistoryEntry.of(version));
        model.addAttribute("current", editor.currentVersion());
        model.addAttribute("previous", number - 1);
        // The first version has nothing before it: listing all of it would say nothing.
        model.addAttribute("changes", before == null ? java.util.List.of() : VersionDiff.compare(before, after));
        model.addAttribute("note", note);
    }

    private ContentVersion info(int number) {
        if (number < 1 || number > editor.currentVersion()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no content version " + number);
        }
        return editor.history().stream().filter(v -> v.number() == number).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no content version " + number));
    }
}
