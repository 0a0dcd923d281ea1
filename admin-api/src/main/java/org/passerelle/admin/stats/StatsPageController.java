package org.passerelle.admin.stats;

import jakarta.servlet.http.HttpServletResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import org.passerelle.admin.stats.barriers.BarrierFigures;
import org.passerelle.admin.web.AdminPage;
import org.passerelle.content.Language;
import org.passerelle.core.content.PublishedContent;
import org.passerelle.core.stats.Metric;
import org.passerelle.core.stats.Stats;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The statistics page for admins: a range of days (by default the last 7, with shortcuts for last
 * week and this month), a few key figures, and charts drawn on the server with a table under
 * each. Only published figures are used: under five is {@code "<5"}, in the charts too. A bad
 * range is a 400 that says which field, with the default range shown.
 */
@Controller
@AdminPage
class StatsPageController {

    static final int DEFAULT_DAYS = 7;

    private final Stats stats;
    private final PublishedContent content;
    private final MessageSource messages;
    private final BarrierFigures barriers;

    StatsPageController(Stats stats, PublishedContent content, MessageSource messages, BarrierFigures barriers) {
        this.stats = stats;
        this.content = content;
        this.messages = messages;
        this.barriers = barriers;
    }

    /** A shortcut to a range of days. */
    record Preset(String key, LocalDate from, LocalDate to) {
    }

    /** A key figure above the charts. */
    record KeyFigure(String key, String value) {
    }

    @GetMapping("/admin/stats")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model,
            Locale locale, HttpServletResponse response) {
        var today = stats.today();
        StatsRange range;
        String problem = null;
        try {
            range = StatsRange.of(blank(from) ? today.minusDays(DEFAULT_DAYS - 1).toString() : from,
                    blank(to) ? today.toString() : to, today);
        } catch (ErrorResponseException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            var properties = e.getBody().getProperties();
            problem = properties == null ? "from" : String.valueOf(properties.getOrDefault("field", "from"));
            range = new StatsRange(today.minusDays(DEFAULT_DAYS - 1), today);
        }
        var view = new StatsView(range.from(), range.to(), stats.published(range.from(), range.to()));
        var language = Language.fromCode(locale.getLanguage()).orElse(Language.SOURCE);
        var catalog = content.get();
        var charts = new StatsCharts(view, messages, locale,
                id -> catalog.topic(id).map(t -> t.inOrSource(language).title()).orElse(id)).all();
        model.addAttribute("range", range);
        model.addAttribute("problem", problem);
        model.addAttribute("presets", presets(today));
        model.addAttribute("figures", keyFigures(view));
        model.addAttribute("charts", charts);
        // Barriers are counted by month: the last twelve, whatever the days chosen above.
        model.addAttribute("barriers", barriers.lastTwelveMonths());
        return "admin/stats/index";
    }

    static List<Preset> presets(LocalDate today) {
        var lastMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        return List.of(new Preset("stats.preset.last7", today.minusDays(DEFAULT_DAYS - 1), today),
                new Preset("stats.preset.lastWeek", lastMonday, lastMonday.plusDays(6)),
                new Preset("stats.preset.thisMonth", today.withDayOfMonth(1), today));
    }

    private static List<KeyFigure> keyFigures(StatsView view) {
        long mean = view.meanClaimSeconds();
        return List.of(new KeyFigure("stats.figure.conversations", view.total(Metric.CONVERSATIONS_BY_CHANNEL).label()),
                new KeyFigure("stats.figure.handoffs", view.total(Metric.HANDOFFS).label()),
                new KeyFigure("stats.figure.meanWait", mean < 0 ? "—" : duration(mean)),
                new KeyFigure("stats.figure.alerts", view.total(Metric.ALERTS).label()),
                new KeyFigure("stats.figure.bookings", view.total(Metric.BOOKINGS).label()));
    }

    /** A wait as {@code 45 s}, {@code 12 min} or {@code 3 h 05}. */
    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return Math.round(seconds / 60.0) + " min";
        }
        long minutes = Math.round(seconds / 60.0);
        return minutes / 60 + " h " + String.format(Locale.ROOT, "%02d", minutes % 60);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
