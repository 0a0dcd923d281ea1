package org.passerelle.admin.content.directory;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import org.passerelle.content.Language;
import org.passerelle.core.content.DirectoryDraft;
import org.passerelle.core.content.DirectoryEditor;
import org.passerelle.core.content.DirectoryEntryException;
import org.passerelle.core.content.DirectoryEntryException.Reason;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The directory editor's API: the entries in force with their drafts and where each is shown,
 * a draft per entry (its new values or its removal), and discarding it. Drafts are published and
 * rolled back with the topics' through {@code POST /api/content/publish} and
 * {@code /api/content/rollback}. A refused field comes back as a problem detail naming it.
 */
@RestController
@RequestMapping(path = "/api/content/directory", produces = MediaType.APPLICATION_JSON_VALUE)
class DirectoryController {

    private final DirectoryEditor editor;

    DirectoryController(DirectoryEditor editor) {
        this.editor = editor;
    }

    @GetMapping
    DirectoryApi.Overview directory() {
        int version = editor.currentVersion();
        var drafts = new LinkedHashMap<String, DirectoryDraft>();
        editor.drafts().forEach(draft -> drafts.put(draft.key(), draft));
        var entries = new ArrayList<DirectoryApi.EntryJson>();
        for (var entry : editor.entries()) {
            entries.add(DirectoryApi.entry(entry.key(), entry, drafts.remove(entry.key()), editor.uses(entry.key())));
        }
        // Drafts left are new entries, not in force yet.
        drafts.forEach((key, draft) -> entries.add(DirectoryApi.entry(key, null, draft, editor.uses(key))));
        entries.sort(java.util.Comparator.comparing(DirectoryApi.EntryJson::key));
        return new DirectoryApi.Overview(version, entries);
    }

    @PutMapping(path = "/{key}", consumes = MediaType.APPLICATION_JSON_VALUE)
    DirectoryApi.DraftResponse saveDraft(@PathVariable String key, @RequestBody DirectoryApi.EntryRequest request,
            Principal who) {
        if (request == null) {
            throw new DirectoryEntryException(java.util.List.of(new DirectoryEntryException.Problem("entry",
                    Reason.BLANK, "send the entry's fields, or {\"remove\": true}")));
        }
        if (Boolean.TRUE.equals(request.remove())) {
            var draft = editor.saveRemoval(key, who.getName());
            return new DirectoryApi.DraftResponse(key, DirectoryApi.DraftJson.of(draft), null);
        }
        var entry = EntryChanges.apply(EntryChanges.base(editor, key), request);
        var draft = editor.saveDraft(entry, who.getName());
        var preview = editor.preview(entry, Language.SOURCE).map(DirectoryApi.PreviewJson::of).orElse(null);
        return new DirectoryApi.DraftResponse(key, DirectoryApi.DraftJson.of(draft), preview);
    }

    @DeleteMapping("/{key}")
    ResponseEntity<Void> discardDraft(@PathVariable String key) {
        return editor.discardDraft(key) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    @ExceptionHandler(DirectoryEntryException.class)
    ResponseEntity<ProblemDetail> refused(DirectoryEntryException e) {
        var reason = e.problems().get(0).reason();
        var status = reason == Reason.UNKNOWN ? HttpStatus.NOT_FOUND
                : reason == Reason.IN_USE ? HttpStatus.CONFLICT
                : HttpStatus.BAD_REQUEST;
        var problem = ProblemDetail.forStatusAndDetail(status, "the draft was not saved: " + e.getMessage());
        problem.setProperty("problems", DirectoryApi.ProblemJson.of(e));
        return ResponseEntity.status(status).body(problem);
    }
}
