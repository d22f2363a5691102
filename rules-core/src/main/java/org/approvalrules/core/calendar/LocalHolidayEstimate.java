package org.approvalrules.core.calendar;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.IslamicCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rule by which a recurring local holiday falls, used to ESTIMATE its days in a year whose
 * notice the layer lacks (PROVISIONAL calendars only; every estimated day is named as an estimate
 * and flagged provisional). The real dates are set each year by the regional notice and may differ
 * (a weekend joined, a day moved): an estimate is never entered as data.
 *
 * <p>Rules (layer.properties key {@code estimate}):
 * <ul>
 *   <li>{@code zhuang-sanyuesan}: 壮族三月三, Chinese lunar 三月初三 and 初四 (广西壮族自治区人民政府令第98号);
 *       lunar dates from ICU4J's {@link ChineseCalendar}.</li>
 *   <li>{@code xinjiang-eid}: 肉孜节 (1 Shawwal, one day) and 古尔邦节 (10 Dhu al-Hijjah, the day before to the day
 *       after, three days, as in the 2023 regional notice), from ICU4J's tabular (civil) {@link IslamicCalendar}, which
 *       matches the bundled notices of 2013, 2022, 2023 and 2025 to within a day.</li>
 *   <li>{@code tibet-losar}: 藏历新年, Losar (元月初一) of the Phugpa Tibetan calendar from {@link TibetanCalendar}
 *       (Janson, "Tibetan Calendar Mathematics"), estimated as the day before Losar (藏历除夕) to the fourth day
 *       after it, six days: the days both bundled Lhasa notices give (2023: Losar 02-21, off 02-20 … 02-26;
 *       2025: Losar 02-28, off 02-27 … 03-04). Days a higher layer already sets (e.g. 春节 when Losar falls in
 *       it) keep that layer's answer.</li>
 *   <li>{@code none}: no rule known; the year stays uncovered without estimated days.</li>
 * </ul>
 */
public enum LocalHolidayEstimate {
    ZHUANG_SANYUESAN("zhuang-sanyuesan"),
    XINJIANG_EID("xinjiang-eid"),
    TIBET_LOSAR("tibet-losar"),
    NONE("none");

    /** Suffix of every estimated holiday's name. */
    public static final String ESTIMATE_MARK = "（推算，非通知 / estimate not from a notice）";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final String key;

    LocalHolidayEstimate(String key) {
        this.key = key;
    }

    /** The value used in layer.properties. */
    public String key() {
        return key;
    }

    /** The rule named {@code key} in layer.properties. */
    public static LocalHolidayEstimate ofKey(String key) {
        for (LocalHolidayEstimate e : values()) {
            if (e.key.equals(key.strip().toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        throw new IllegalArgumentException(key);
    }

    /** One estimated day off: the date and the festival name (ending with {@link #ESTIMATE_MARK}). */
    public record EstimatedDay(LocalDate date, String name) {
    }

    /** The estimated days off of {@code year}, sorted by date. */
    public List<EstimatedDay> days(int year) {
        List<EstimatedDay> out = new ArrayList<>();
        switch (this) {
            case ZHUANG_SANYUESAN -> {
                ChineseCalendar c = new ChineseCalendar(TimeZone.getTimeZone(SHANGHAI.getId()));
                for (LocalDate d = LocalDate.of(year, 3, 1); d.getMonthValue() <= 5; d = d.plusDays(1)) {
                    c.setTimeInMillis(noon(d));
                    if (c.get(Calendar.MONTH) == 2 && c.get(ChineseCalendar.IS_LEAP_MONTH) == 0
                            && c.get(Calendar.DAY_OF_MONTH) == 3) {
                        out.add(new EstimatedDay(d, "壮族三月三" + ESTIMATE_MARK));
                        out.add(new EstimatedDay(d.plusDays(1), "壮族三月三" + ESTIMATE_MARK));
                        break;
                    }
                }
            }
            case XINJIANG_EID -> {
                IslamicCalendar c = new IslamicCalendar(TimeZone.getTimeZone(SHANGHAI.getId()), ULocale.ROOT);
                c.setCalculationType(IslamicCalendar.CalculationType.ISLAMIC_CIVIL);
                for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
                    c.setTimeInMillis(noon(d));
                    int m = c.get(Calendar.MONTH);
                    int day = c.get(Calendar.DAY_OF_MONTH);
                    if (m == 9 && day == 1) {
                        out.add(new EstimatedDay(d, "肉孜节" + ESTIMATE_MARK));
                    } else if (m == 11 && day == 10) {
                        for (int i = -1; i <= 1; i++) {
                            if (d.plusDays(i).getYear() == year) {
                                out.add(new EstimatedDay(d.plusDays(i), "古尔邦节" + ESTIMATE_MARK));
                            }
                        }
                    }
                }
            }
            case TIBET_LOSAR -> {
                LocalDate losar = TibetanCalendar.losar(year);
                for (int i = -1; i <= 4; i++) {
                    out.add(new EstimatedDay(losar.plusDays(i), "藏历新年" + ESTIMATE_MARK));
                }
            }
            case NONE -> {
                // no rule known
            }
        }
        out.sort((a, b) -> a.date().compareTo(b.date()));
        return out;
    }

    private static long noon(LocalDate d) {
        return d.atTime(12, 0).atZone(SHANGHAI).toInstant().toEpochMilli();
    }
}
