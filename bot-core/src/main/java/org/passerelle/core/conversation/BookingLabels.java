package org.passerelle.core.conversation;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;
import org.passerelle.content.sms.SmsSegments;
import org.passerelle.core.booking.Slot;

/**
 * The labels of the booking options, written from their keys alone (no schedule is read), and
 * the dates and times in her language: a day as its weekday and date without the year
 * ("mardi 1 décembre", "12月1日星期二"), a time as her language writes it. By SMS, a day whose
 * name would force the costlier UCS-2 encoding is abbreviated ("mié, 23 de dic"), so that a
 * list of five days stays within two segments where the language allows it.
 */
final class BookingLabels {

    // The year and what belongs to it in a full date pattern: ", y", " 'de' y", " y 'г'.", "y年".
    private static final Pattern YEAR = Pattern.compile("\\s*[,،]?\\s*(?:'[^']*'\\s*)?y+(?:\\s*'[^']*'\\.?|年)?");
    private static final Map<Language, DateTimeFormatter> DAYS = new ConcurrentHashMap<>();
    private static final Map<Language, DateTimeFormatter> SHORT_DAYS = new ConcurrentHashMap<>();

    private final ContentCatalog catalog;

    BookingLabels(ContentCatalog catalog) {
        this.catalog = catalog;
    }

    /** The label of a booking option key; the key itself when it carries nothing readable. */
    String label(String key, Language language) {
        return label(key, language, false);
    }

    /**
     * The label of a booking option key, for an SMS when {@code sms} is set.
     */
    String label(String key, Language language, boolean sms) {
        if (key.equals(BookingKeys.MINE)) {
            return catalog.topic("my_appointments").map(t -> t.inOrSource(language).title()).orElse(key);
        }
        if (key.startsWith(BookingKeys.SERVICE)) {
            return serviceName(key.substring(BookingKeys.SERVICE.length()), language);
        }
        if (key.startsWith(BookingKeys.DAYS) || key.startsWith(BookingKeys.MOVE_DAYS)) {
            return catalog.ui(language, "action.more_days");
        }
        if (key.startsWith(BookingKeys.MORE) || key.startsWith(BookingKeys.MOVE_MORE)) {
            return catalog.ui(language, "action.more");
        }
        if (key.startsWith(BookingKeys.DAY) || key.startsWith(BookingKeys.MOVE_DAY)) {
            return BookingKeys.pair(key, key.startsWith(BookingKeys.DAY) ? BookingKeys.DAY : BookingKeys.MOVE_DAY)
                    .flatMap(parts -> BookingKeys.date(parts[1]))
                    .map(day -> sms ? smsDay(day, language) : day(day, language)).orElse(key);
        }
        if (key.startsWith(BookingKeys.SLOT)) {
            return Slot.startOf(key.substring(BookingKeys.SLOT.length())).map(s -> time(s, language)).orElse(key);
        }
        if (key.startsWith(BookingKeys.MOVE_TO)) {
            return BookingKeys.pair(key, BookingKeys.MOVE_TO).flatMap(parts -> Slot.startOf(parts[1]))
                    .map(s -> time(s, language)).orElse(key);
        }
        return actionLabel(key, language);
    }

    private String actionLabel(String key, Language language) {
        if (key.startsWith(BookingKeys.NONAME)) {
            return catalog.ui(language, "action.skip_nickname");
        }
        if (key.startsWith(BookingKeys.INTERPRETER)) {
            int colon = key.lastIndexOf(':');
            return Language.fromCode(key.substring(colon + 1)).map(chosen -> interpreterLabel(chosen, language))
                    .orElse(key);
        }
        if (key.startsWith(BookingKeys.CONFIRM)) {
            return catalog.ui(language, "action.confirm");
        }
        if (key.startsWith(BookingKeys.BACK)) {
            return catalog.ui(language, "action.back");
        }
        if (key.startsWith(BookingKeys.MOVE)) {
            return catalog.ui(language, "action.move").replace("{code}", code(key, BookingKeys.MOVE));
        }
        if (key.startsWith(BookingKeys.CANCEL)) {
            return catalog.ui(language, "action.cancel_booking").replace("{code}", code(key, BookingKeys.CANCEL));
        }
        if (key.startsWith(BookingKeys.KEEP)) {
            return catalog.ui(language, "action.keep");
        }
        return key;
    }

    private static String code(String key, String prefix) {
        return key.substring(prefix.length()).toUpperCase(Locale.ROOT);
    }

    String serviceName(String serviceId, Language language) {
        var key = "service." + serviceId;
        return catalog.uiStrings(language).containsKey(key) || catalog.uiStrings(Language.SOURCE).containsKey(key)
                ? catalog.ui(language, key) : serviceId;
    }

    /** The option of an appointment's language: French is "no interpreter needed". */
    String interpreterLabel(Language chosen, Language language) {
        if (chosen == Language.SOURCE) {
            return catalog.ui(language, "action.no_interpreter");
        }
        var name = languageName(chosen, language);
        return name.substring(0, 1).toUpperCase(locale(language)) + name.substring(1);
    }

    /**
     * What her booking says of her, in her language, for the confirmation and her list: the
     * nickname if she gave one, the interpreter's language, or that she needs none when her own
     * language is not French; empty when there is nothing to say.
     */
    String details(String nickname, Language interpreter, Language language) {
        var parts = new java.util.ArrayList<String>(2);
        if (nickname != null) {
            parts.add(catalog.ui(language, "booking.nickname_is").replace("{nickname}", nickname));
        }
        if (interpreter != Language.SOURCE) {
            parts.add(catalog.ui(language, "booking.interpreter_is")
                    .replace("{language}", languageName(interpreter, language)));
        } else if (language != Language.SOURCE) {
            parts.add(catalog.ui(language, "booking.no_interpreter"));
        }
        return String.join(" ", parts);
    }

    /** A language's name as her language writes it ("anglais", "English", "英语"). */
    static String languageName(Language named, Language language) {
        return locale(named).getDisplayLanguage(locale(language));
    }

    /** A day as her language writes a weekday and a date, without the year. */
    static String day(LocalDate day, Language language) {
        return day.format(DAYS.computeIfAbsent(language, l -> dayFormat(l, false)));
    }

    /**
     * A day for an SMS: in full when the list of days stays GSM-7 in her language, else
     * abbreviated ("mar, 1 de dic", "12月1日周二"), since UCS-2 holds less than half as much.
     */
    String smsDay(LocalDate day, Language language) {
        var full = day(day, language);
        var around = catalog.ui(language, "booking.day") + catalog.ui(language, "action.more_days")
                + catalog.ui(language, "action.menu");
        return SmsSegments.isGsm7(full + around) ? full
                : day.format(SHORT_DAYS.computeIfAbsent(language, l -> dayFormat(l, true)));
    }

    /** A time of day as her language writes it ("18:00", "6:00 PM", "下午6:00"). */
    static String time(ZonedDateTime start, Language language) {
        return start.withZoneSameInstant(Slot.PARIS)
                .format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale(language)));
    }

    /** A day and a time in full, for the confirmation and the booked message. */
    static String when(ZonedDateTime start, Language language) {
        return start.withZoneSameInstant(Slot.PARIS).format(DateTimeFormatter
                .ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT).withLocale(locale(language)));
    }

    // Her language's own full date, less the year: within four weeks it only lengthens an SMS.
    private static DateTimeFormatter dayFormat(Language language, boolean abbreviated) {
        var locale = locale(language);
        var full = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.FULL, null,
                IsoChronology.INSTANCE, locale);
        var pattern = YEAR.matcher(full).replaceAll("").strip();
        if (pattern.indexOf('y') >= 0 || pattern.indexOf('d') < 0 || pattern.indexOf('E') < 0) {
            pattern = "EEEE d MMMM";
        }
        if (abbreviated) {
            pattern = pattern.replace("EEEE", "EEE").replace("MMMM", "MMM");
        }
        return DateTimeFormatter.ofPattern(pattern, locale);
    }

    private static Locale locale(Language language) {
        return Locale.forLanguageTag(language.code());
    }
}
