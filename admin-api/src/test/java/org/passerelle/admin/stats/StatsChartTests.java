package org.passerelle.admin.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.passerelle.core.stats.Figure;
import org.passerelle.core.stats.Metric;

class StatsChartTests {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final Pattern RECT = Pattern.compile("<rect class=\"(bar(?: hidden)?)\" x=\"[^\"]+\" y=\"[^\"]+\" "
            + "width=\"([^\"]+)\" height=\"([^\"]+)\"");

    private static Figure figure(int day, String metric, String dimension, String value) {
        return new Figure(MONDAY.plusDays(day), metric, dimension, value);
    }

    @Test
    void sumsNeverTurnAFigureUnderFiveIntoANumber() {
        assertThat(new Amount(12, 0).label()).isEqualTo("12");
        assertThat(new Amount(0, 1).label()).isEqualTo("<5");
        assertThat(new Amount(12, 1).label()).isEqualTo("12 + <5");
        assertThat(new Amount(0, 3).label()).isEqualTo("3 × <5");
        assertThat(Amount.of(new Figure(MONDAY, "topics", "health", "<5")).plus(new Amount(7, 0)).label())
                .isEqualTo("7 + <5");
    }

    @Test
    void arrangesPublishedFiguresPerDayAndInTotalsLargestFirst() {
        var view = new StatsView(MONDAY, MONDAY.plusDays(2), List.of(
                figure(0, "conversations.channel", "sms", "8"),
                figure(0, "conversations.channel", "webchat", "<5"),
                figure(2, "conversations.channel", "webchat", "20"),
                figure(1, "topics", "health", "<5"),
                figure(2, "topics", "legal_status", "6")));

        assertThat(view.dimensions(Metric.CONVERSATIONS_BY_CHANNEL))
                .containsExactly("sms", "webchat");
        var perDay = view.perDay(Metric.CONVERSATIONS_BY_CHANNEL, List.of("sms", "webchat"));
        assertThat(perDay).hasSize(3);
        assertThat(perDay.get(0)).containsExactly(new Amount(8, 0), new Amount(0, 1));
        assertThat(perDay.get(1)).containsExactly(Amount.ZERO, Amount.ZERO);
        assertThat(view.totals(Metric.TOPICS).keySet()).containsExactly("legal_status", "health");
        assertThat(view.total(Metric.CONVERSATIONS_BY_CHANNEL).label()).isEqualTo("28 + <5");
    }

    @Test
    void meanWaitUsesOnlyDaysWhereBothFiguresArePublished() {
        var view = new StatsView(MONDAY, MONDAY.plusDays(1), List.of(
                figure(0, "handoffs.claimed", "normal", "5"),
                figure(0, "handoffs.claim-seconds", "normal", "600"),
                figure(1, "handoffs.claimed", "danger", "<5"),
                figure(1, "handoffs.claim-seconds", "danger", "<5")));

        assertThat(view.meanClaimSeconds()).isEqualTo(120);
        assertThat(new StatsView(MONDAY, MONDAY, List.of()).meanClaimSeconds()).isEqualTo(-1);
        assertThat(StatsPageController.duration(45)).isEqualTo("45 s");
        assertThat(StatsPageController.duration(120)).isEqualTo("2 min");
        assertThat(StatsPageController.duration(3 * 3600 + 300)).isEqualTo("3 h 05");
    }

    @Test
    void stackedColumnsDrawHiddenFiguresAsHatchedMarksOfOneSizeWhateverTheirValue() {
        var cells = List.of(List.of(new Amount(10, 0), new Amount(0, 1)), List.of(new Amount(20, 0), Amount.ZERO),
                List.of(Amount.ZERO, new Amount(0, 1)));
        var svg = StackedColumns.draw("c", "Conversations <per day>", "Stacked & hatched", List.of("23/11", "24/11",
                "25/11"), List.of("sms", "webchat"), cells);

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("role=\"img\"", "aria-labelledby=\"c-title c-desc\"",
                        "<title id=\"c-title\">Conversations &lt;per day&gt;</title>",
                        "<desc id=\"c-desc\">Stacked &amp; hatched</desc>", "<pattern id=\"c-hatch-1\"",
                        "fill=\"url(#c-hatch-1)\"", "<title>23/11 · webchat : &lt;5</title>")
                .endsWith("</svg>");
        var heights = new ArrayList<String>();
        var hidden = new ArrayList<String>();
        var matcher = RECT.matcher(svg);
        while (matcher.find()) {
            (matcher.group(1).equals("bar") ? heights : hidden).add(matcher.group(3));
        }
        assertThat(hidden).containsOnly(String.valueOf(Svg.HIDDEN_MARK)).hasSize(2);
        // Known figures are to scale: twice the figure, twice the height.
        assertThat(Double.parseDouble(heights.get(1))).isEqualTo(2 * Double.parseDouble(heights.get(0)));
    }

    @Test
    void horizontalBarsWriteTheValueAndHatchTheHiddenPartAtAFixedWidth() {
        var svg = HorizontalBars.draw("t", "Topics", "Bars", List.of(
                new HorizontalBars.Bar("Titre de séjour pour les victimes de la traite des êtres humains", new Amount(30, 0)),
                new HorizontalBars.Bar("Santé", new Amount(15, 2)),
                new HorizontalBars.Bar("Hébergement", new Amount(0, 1))));

        assertThat(svg).contains(">30</text>", ">15 + 2 × &lt;5</text>", ">&lt;5</text>",
                "Titre de séjour pour les vict…</text>",
                "<title>Titre de séjour pour les victimes de la traite des êtres humains : 30</title>");
        var widths = new ArrayList<Double>();
        var hidden = new ArrayList<String>();
        var matcher = RECT.matcher(svg);
        while (matcher.find()) {
            if (matcher.group(1).equals("bar")) {
                widths.add(Double.parseDouble(matcher.group(2)));
            } else {
                hidden.add(matcher.group(2));
            }
        }
        assertThat(widths).hasSize(2);
        assertThat(widths.get(0)).isCloseTo(2 * widths.get(1), offset(0.2));
        assertThat(hidden).containsExactly(String.valueOf(Svg.HIDDEN_MARK), String.valueOf(Svg.HIDDEN_MARK));
    }

    @Test
    void gridlinesFallOnRoundValues() {
        assertThat(StackedColumns.ticks(1)).containsExactly(0L);
        assertThat(StackedColumns.ticks(9)).containsExactly(0L, 5L);
        assertThat(StackedColumns.ticks(120)).containsExactly(0L, 50L, 100L);
    }
}
