package org.passerelle.admin.content;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.passerelle.admin.web.AdminPage;
import org.passerelle.content.Language;
import org.passerelle.content.Topic;
import org.passerelle.content.TopicText;
import org.passerelle.core.content.ContentEditor;
import org.passerelle.core.content.Draft;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The content at a glance: one row per topic, one column per language, each cell with its
 * review status and a mark when a draft waits for the next publish; a filter keeps the rows
 * that need something.
 */
@Controller
@AdminPage
class ContentGridController {

    /** The filters of the grid: a row is kept when one of its cells is in the filter's statuses. */
    enum Filter {
        ALL(Set.of()),
        REVIEW(Set.of("needs-review", "stale", "draft")),
        MISSING(Set.of("missing")),
        PENDING(Set.of());

        private final Set<String> statuses;

        Filter(Set<String> statuses) {
            this.statuses = statuses;
        }

        boolean keeps(Cell cell) {
            return switch (this) {
                case ALL -> true;
                case PENDING -> cell.pending();
                default -> statuses.contains(cell.status());
            };
        }

        String value() {
            return ContentPages.lower(this);
        }

        static Filter of(String value) {
            return Arrays.stream(values()).filter(f -> f.value().equals(value)).findFirst().orElse(ALL);
        }
    }

    /** One language of one topic: its status class, whether a draft is pending, its title. */
    record Cell(String language, String status, boolean pending, String title) {
    }

    /** One topic and its cells in the order of the languages. */
    record Row(String topicId, String title, List<Cell> cells) {
    }

    private final ContentEditor editor;

    ContentGridController(ContentEditor editor) {
        this.editor = editor;
    }

    @GetMapping("/admin/content")
    String grid(@RequestParam(name = "show", required = false) String show, Model model) {
        var filter = Filter.of(show);
        int version = editor.currentVersion();
        var drafts = editor.drafts();
        var rows = new ArrayList<Row>();
        var all = new ArrayList<Row>();
        for (var topic : editor.catalog(version).topics()) {
            var row = row(topic, drafts);
            all.add(row);
            if (row.cells().stream().anyMatch(filter::keeps)) {
                rows.add(row);
            }
        }
        model.addAttribute("version", version);
        model.addAttribute("languages", Arrays.stream(Language.values()).map(Language::code).toList());
        model.addAttribute("rows", rows);
        model.addAttribute("filter", filter.value());
        model.addAttribute("filters", Arrays.stream(Filter.values()).map(Filter::value).toList());
        model.addAttribute("counts", counts(all));
        model.addAttribute("drafts", drafts.size());
        return "admin/content/index";
    }

    private static Row row(Topic topic, List<Draft> drafts) {
        var cells = new ArrayList<Cell>();
        for (var language : Language.values()) {
            var draft = ContentPages.draft(drafts, topic.id(), language);
            TopicText text = draft.map(Draft::text).orElseGet(() -> topic.in(language).orElse(null));
            cells.add(new Cell(language.code(), ContentPages.status(text), draft.isPresent(),
                    text == null ? "" : text.title()));
        }
        var source = topic.in(Language.SOURCE).map(TopicText::title).orElse(topic.id());
        return new Row(topic.id(), source, cells);
    }

    /** How many cells have each status, in the order the legend shows them. */
    private static java.util.Map<String, Long> counts(List<Row> rows) {
        var counts = new java.util.LinkedHashMap<String, Long>();
        List.of("ok", "needs-review", "draft", "stale", "missing").forEach(s -> counts.put(s, 0L));
        rows.forEach(row -> row.cells().forEach(cell -> counts.merge(cell.status(), 1L, Long::sum)));
        return counts;
    }
}
