package org.passerelle.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;
import org.passerelle.content.sms.SmsSegments;
import org.passerelle.core.channel.Channel;

/** Labels of the booking options: days and times in each language, every key labelled, short enough for SMS. */
class BookingLabelsTests {

    private static final ContentCatalog CONTENT = TestEngines.CONTENT;
    private static final BookingLabels LABELS = new BookingLabels(CONTENT);
    private static final LocalDate TUESDAY = LocalDate.of(2026, 12, 1);

    @Test
    void writesADayAsItsWeekdayAndDateWithoutTheYearInEveryLanguage() {
        var expected = Map.of(
                Language.FR, "mardi 1 décembre",
                Language.EN, "Tuesday, December 1",
                Language.ES, "martes, 1 de diciembre",
                Language.PT, "terça-feira, 1 de dezembro",
                Language.RO, "marți, 1 decembrie",
                Language.BG, "вторник, 1 декември",
                Language.AR, "الثلاثاء، 1 ديسمبر",
                Language.ZH, "12月1日星期二");
        expected.forEach((language, day) ->
                assertThat(BookingLabels.day(TUESDAY, language)).as(language.code()).isEqualTo(day));
    }

    @Test
    void labelsEveryBookingOptionKeyInHerLanguageWithoutReadingASchedule() {
        var menus = new Menus(CONTENT);
        for (var language : CONTENT.languages()) {
            var labels = new ArrayList<String>();
            for (var key : List.of("service:lawyer", "days:lawyer:2026-12-01", "day:lawyer:2026-12-08",
                    "more:lawyer.20261201T1800+0100", "slot:lawyer.20261201T1900+0100", "confirm:lawyer.20261201T1900+0100",
                    "back:lawyer.20261201T1900+0100", "cancel:K7P2M", "keep:K7P2M", "move:K7P2M",
                    "movedays:K7P2M:2026-12-01", "moveday:K7P2M:2026-12-08", "movemore:K7P2M:20261201T1800+0100",
                    "moveto:K7P2M:lawyer.20261208T1800+0100", "mine")) {
                var option = menus.option(key, language);
                assertThat(option.key()).isEqualTo(key);
                assertThat(option.label()).as(language.code() + " " + key).isNotBlank().isNotEqualTo(key)
                        .doesNotContain("{", "lawyer.", "2026-", "K7P2M:");
                labels.add(option.label());
            }
            assertThat(labels).as(language.code()).containsSubsequence(
                    CONTENT.ui(language, "service.lawyer"), CONTENT.ui(language, "action.more_days"),
                    BookingLabels.day(TUESDAY.plusDays(7), language), CONTENT.ui(language, "action.more"));
            assertThat(labels.get(5)).isEqualTo(CONTENT.ui(language, "action.confirm"));
            assertThat(labels.get(6)).isEqualTo(CONTENT.ui(language, "action.back"));
            assertThat(labels.get(7)).isEqualTo(CONTENT.ui(language, "action.cancel_booking").replace("{code}", "K7P2M"));
        }
        assertThat(menus.option("slot:lawyer.20261201T1900+0100", Language.FR).label()).isEqualTo("19:00");
        assertThat(menus.option("moveto:k7p2m:lawyer.20261208t1800+0100", Language.EN).label()).isEqualTo("6:00 PM");
        assertThat(menus.option("move:k7p2m", Language.FR).label()).contains("K7P2M");
    }

    @Test
    void everyKeyFitsTelegramsCallbackDataEvenWithTheLongestServiceId() {
        var service = "s".repeat(32);
        var slotId = service + ".20261201T1800+0100";
        var day = LocalDate.of(2026, 12, 31);
        var keys = new ArrayList<String>(List.of(BookingKeys.SERVICE + service, BookingKeys.SLOT + slotId,
                BookingKeys.CONFIRM + slotId, BookingKeys.BACK + slotId));
        for (var pick : List.of(BookingKeys.Pick.booking(service), new BookingKeys.Pick(service, "K7P2M", slotId))) {
            keys.addAll(List.of(pick.day(day), pick.laterDays(day), pick.slot(slotId), pick.laterTimes(slotId)));
        }
        assertThat(keys).allSatisfy(key -> assertThat(key.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .as(key).hasSizeLessThanOrEqualTo(64));
        assertThat(new BookingKeys.Pick(service, "K7P2M", slotId).laterTimes(slotId))
                .isEqualTo("movemore:K7P2M:20261201T1800+0100");
    }

    @Test
    void writesAbbreviatedDaysBySmsOnlyWhereTheFullNameWouldLeaveGsm7() {
        assertThat(LABELS.smsDay(TUESDAY, Language.FR)).isEqualTo("mardi 1 décembre");
        assertThat(LABELS.smsDay(TUESDAY, Language.EN)).isEqualTo("Tuesday, December 1");
        assertThat(LABELS.smsDay(TUESDAY, Language.ES)).isEqualTo("mar, 1 de dic");
        assertThat(LABELS.smsDay(TUESDAY, Language.ZH)).isEqualTo("12月1日周二");
        assertThat(new Menus(CONTENT).option("day:pad:2026-12-01", Language.ES, Channel.SMS).label())
                .isEqualTo("mar, 1 de dic");
        assertThat(new Menus(CONTENT).option("day:pad:2026-12-01", Language.ES, Channel.TELEGRAM).label())
                .isEqualTo("martes, 1 de diciembre");
    }

    @Test
    void aListOfFiveDaysBySmsFitsInTwoSegmentsExceptInPortugueseAndArabic() {
        // Long day names at the end of a month.
        var days = List.of(LocalDate.of(2026, 12, 23), LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 26),
                LocalDate.of(2026, 12, 28), LocalDate.of(2026, 12, 30));
        for (var language : CONTENT.languages()) {
            // As the SMS sender renders it: the question, a blank line, then one numbered option a line.
            var menu = new StringBuilder(CONTENT.ui(language, "booking.day")).append("\n");
            for (int i = 0; i < days.size(); i++) {
                menu.append('\n').append(i + 1).append(' ').append(LABELS.smsDay(days.get(i), language));
            }
            menu.append("\n6 ").append(CONTENT.ui(language, "action.more_days"))
                    .append("\n7 ").append(CONTENT.ui(language, "action.menu"));
            // Portuguese weekdays and Arabic day names have no shorter form that reads naturally.
            int most = language == Language.PT || language == Language.AR ? 3 : 2;
            assertThat(SmsSegments.count(menu.toString()).segments()).as(language.code() + ": " + menu)
                    .isLessThanOrEqualTo(most);
            if (language == Language.FR || language == Language.EN) {
                assertThat(SmsSegments.isGsm7(menu.toString())).as(language.code()).isTrue();
            }
        }
    }
}
