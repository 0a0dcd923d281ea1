package org.passerelle.admin.content;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import org.passerelle.admin.web.AdminPage;
import org.passerelle.content.ContentInvalidException;
import org.passerelle.core.content.ContentConflictException;
import org.passerelle.core.content.ContentEditor;
import org.passerelle.core.content.DirectoryDraft;
import org.passerelle.core.content.DirectoryEditor;
import org.passerelle.core.content.ContentVersion;
import org.passerelle.core.content.Draft;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Publishing the drafts: the list of what will change and a note, then the new version in force
 * at once. When someone published meanwhile, nothing is changed and the page says so in plain
 * words, with the version now in force; when the check refuses the result, each problem is named.
 */
@Controller
@AdminPage
class ContentPublishController {

    /** A pending draft as the list shows it. */
    record PendingDraft(String topicId, String language, String title, String status, String author, String when) {

        static PendingDraft of(Draft draft) {
            return new PendingDraft(draft.topicId(), draft.language().code(), draft.text().title(),
                    ContentPages.status(draft.text()), draft.author(), ContentPages.when(draft.updatedAt()));
        }
    }

    /** A pending edit of the service directory as the list shows it. */
    record PendingEntry(String key, boolean removal, String author, String when) {

        static PendingEntry of(DirectoryDraft draft) {
            return new PendingEntry(draft.key(), draft.removal(), draft.author(), ContentPages.when(draft.updatedAt()));
        }
    }

    private final ContentEditor editor;
    private final DirectoryEditor directory;

    ContentPublishController(ContentEditor editor, DirectoryEditor directory) {
        this.editor = editor;
        this.directory = directory;
    }

    @GetMapping("/admin/content/publish")
    String drafts(Model model) {
        page(model, editor.currentVersion(), "");
        return "admin/content/publish";
    }

    @PostMapping("/admin/content/publish")
    String publish(@RequestParam(required = false) Integer baseVersion, @RequestParam(required = false) String note,
            Principal who, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        var text = note == null ? "" : note.strip();
        if (baseVersion == null || text.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("noteError", baseVersion == null ? "content.publish.stale" : "content.publish.noteRequired");
            page(model, baseVersion == null ? editor.currentVersion() : baseVersion, text);
            return "admin/content/publish";
        }
        try {
            var version = editor.publish(baseVersion, who.getName(), text);
            redirect.addFlashAttribute("notice", "content.notice.published");
            redirect.addFlashAttribute("published", version.number());
            return "redirect:/admin/content/history";
        } catch (ContentConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("conflict", editor.history().stream()
                    .filter(v -> v.number() == e.currentVersion()).findFirst().map(HistoryEntry::of).orElse(null));
            page(model, e.currentVersion(), text);
            return "admin/content/publish";
        } catch (ContentInvalidException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("problems", List.copyOf(e.problems()));
            page(model, baseVersion, text);
            return "admin/content/publish";
        }
    }

    private void page(Model model, int baseVersion, String note) {
        model.addAttribute("baseVersion", baseVersion);
        model.addAttribute("current", editor.currentVersion());
        model.addAttribute("drafts", editor.drafts().stream().map(PendingDraft::of).toList());
        // A publish takes the directory's drafts too: she sees them before she publishes.
        model.addAttribute("entries", directory.drafts().stream().map(PendingEntry::of).toList());
        model.addAttribute("note", note);
    }

    /** A version as the history lists it. */
    record HistoryEntry(int number, String kind, String when, String author, String note, int basedOn) {

        static HistoryEntry of(ContentVersion version) {
            return new HistoryEntry(version.number(), version.kind(), ContentPages.when(version.publishedAt()),
                    version.author(), version.note(), version.basedOn());
        }
    }
}
