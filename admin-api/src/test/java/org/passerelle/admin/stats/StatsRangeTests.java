package org.passerelle.admin.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.core.stats.Figure;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

class StatsRangeTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    private static void refused(String from, String to, String field, String detail) {
        assertThatThrownBy(() -> StatsRange.of(from, to, TODAY))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.getBody().getProperties()).containsEntry("field", field);
                    assertThat(e.getBody().getDetail()).contains(detail);
                });
    }

    @Test
    void withoutDatesGivesTheLastThirtyDaysUpToToday() {
        assertThat(StatsRange.of(null, " ", TODAY)).isEqualTo(new StatsRange(TODAY.minusDays(29), TODAY));
        assertThat(StatsRange.of(null, "2026-01-31", TODAY))
                .isEqualTo(new StatsRange(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 31)));
        assertThat(StatsRange.of("2026-11-28", null, TODAY)).isEqualTo(new StatsRange(TODAY, TODAY));
    }

    @Test
    void takesAtMostThreeHundredAndSixtySixDaysBothIncluded() {
        assertThat(StatsRange.of("2024-01-01", "2024-12-31", TODAY).to()).isEqualTo(LocalDate.of(2024, 12, 31));
        refused("2025-01-01", "2026-01-02", "to", "at most 366 days");
    }

    @Test
    void namesTheFieldItRefuses() {
        refused("2026-13-01", null, "from", "YYYY-MM-DD");
        refused(null, "tomorrow", "to", "tomorrow");
        refused("2026-11-29", null, "from", "from must not be after to");
    }

    @Test
    void writesTheCsvWithAHeaderAndTheMarkerAsIs() {
        var day = LocalDate.of(2026, 11, 2);
        var csv = StatsController.toCsv(List.of(new Figure(day, "bookings", "pad", "12"),
                new Figure(day, "no-shows", "pad", Figure.BELOW_FIVE)));

        assertThat(csv).isEqualTo("day,metric,dimension,value\r\n2026-11-02,bookings,pad,12\r\n"
                + "2026-11-02,no-shows,pad,<5\r\n");
        assertThat(StatsController.toCsv(List.of())).isEqualTo("day,metric,dimension,value\r\n");
    }
}
