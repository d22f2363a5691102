package org.approvalrules.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.DayKind;
import org.approvalrules.api.division.DivisionCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Structural sanity of every national year, checked against the rules in force that year
 * (《全国年节及纪念日放假办法》: 1999 version to 2007; 国务院令第513号 from 2008 adds 清明/端午/中秋 and
 * shortens 劳动节 to 1 day; 国务院令第644号 from 2014 moves 春节 from 除夕–初二 to 初一–初三 (same count);
 * 国务院令第795号 from 2025: 春节 4, 劳动节 2).
 *
 * <p>The count check: in a holiday block the weekdays off minus the festival's adjusted working days
 * (the weekend days swapped in) equals the festival's statutory days. Documented exceptions are
 * listed in {@link #exceptionalNet}.
 */
class NationalCalendarDataTest {

    private static final CalendarLayer NATIONAL = CalendarRepository.bundled().layer(DivisionCode.NATIONAL).orElseThrow();

    /** A run of consecutive HOLIDAY days of one festival. */
    record Block(String festival, LocalDate first, LocalDate last) {
        int year() {
            return last.getYear();
        }

        long days() {
            return last.toEpochDay() - first.toEpochDay() + 1;
        }

        boolean contains(LocalDate d) {
            return !d.isBefore(first) && !d.isAfter(last);
        }

        long weekdays() {
            return first.datesUntil(last.plusDays(1)).filter(d -> d.getDayOfWeek().getValue() <= 5).count();
        }
    }

    /** Festival name without qualifiers such as "（延长假期）" or "调休上班". */
    static String festival(String name) {
        return name.replaceAll("（.*）", "").replace("调休上班", "");
    }

    static List<Block> blocks() {
        Map<String, TreeSet<LocalDate>> byFestival = new TreeMap<>();
        NATIONAL.days().values().stream().filter(d -> d.kind() == LayerDayKind.HOLIDAY)
                .forEach(d -> byFestival.computeIfAbsent(festival(d.name()), k -> new TreeSet<>()).add(d.date()));
        List<Block> out = new ArrayList<>();
        byFestival.forEach((f, dates) -> {
            LocalDate start = null;
            LocalDate prev = null;
            for (LocalDate d : dates) {
                if (prev == null || !d.equals(prev.plusDays(1))) {
                    if (prev != null) {
                        out.add(new Block(f, start, prev));
                    }
                    start = d;
                }
                prev = d;
            }
            out.add(new Block(f, start, prev));
        });
        return out;
    }

    static List<LayerDay> adjusted(String festival) {
        return NATIONAL.days().values().stream()
                .filter(d -> d.kind() == LayerDayKind.ADJUSTED_WORKDAY && festival(d.name()).equals(festival)).toList();
    }

    static Stream<Integer> years() {
        return Stream.iterate(2004, y -> y <= 2026, y -> y + 1);
    }

    /** Statutory days off per festival under the rules in force in {@code year}. */
    static Map<String, Integer> statutory(int year) {
        Map<String, Integer> m = new TreeMap<>();
        m.put("元旦", 1);
        m.put("春节", year >= 2025 ? 4 : 3);
        m.put("劳动节", year >= 2025 ? 2 : year >= 2008 ? 1 : 3);
        m.put("国庆节", 3);
        if (year >= 2008) {
            m.put("清明节", 1);
            m.put("端午节", 1);
            m.put("中秋节", 1);
        }
        if (year == 2015) {
            m.put("抗战胜利70周年纪念日", 1); // 国发明电〔2015〕1号
        }
        return m;
    }

    static int statutoryOf(String festival, int year) {
        Map<String, Integer> s = statutory(year);
        if (festival.equals("中秋节、国庆节")) {
            return s.get("中秋节") + s.get("国庆节");
        }
        return s.get(festival);
    }

    /**
     * Blocks whose net count legitimately differs from the statutory days, each with its notice:
     * 2015 中秋节 (9/27, a Sunday: "中秋节:9月27日放假", no 补休 in its own item; the 国庆 block
     * 10/1–7 with only 10/10 worked carries one extra weekday, so 中秋 + 国庆 together = 1 + 3);
     * 2020 春节 extended to 2/2 by 国办发明电〔2020〕1号 (1/31 Friday and the 2/1 working Saturday
     * became days off: 3 + 2).
     */
    static Integer exceptionalNet(Block b) {
        if (b.year() == 2015 && b.festival().equals("中秋节")) {
            return 0;
        }
        if (b.year() == 2015 && b.festival().equals("国庆节")) {
            return 4;
        }
        if (b.year() == 2020 && b.festival().equals("春节")) {
            return 5;
        }
        return null;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("years")
    void everyFestivalOfTheYearIsPresentOnceAsOneContiguousBlock(int year) {
        List<Block> blocks = blocks().stream().filter(b -> b.year() == year).toList();
        Set<String> festivals = new TreeSet<>();
        for (Block b : blocks) {
            for (String f : b.festival().split("、")) {
                assertThat(festivals.add(f)).as("%s: %s appears in more than one block", year, f).isTrue();
            }
        }
        assertThat(festivals).as("festivals of %s", year).isEqualTo(statutory(year).keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("years")
    void dayCountsFollowTheRulesInForce(int year) {
        for (Block b : blocks()) {
            if (b.year() != year) {
                continue;
            }
            List<LayerDay> adj = adjusted(b.festival()).stream()
                    .filter(d -> Math.abs(d.date().toEpochDay() - b.first().toEpochDay()) <= 40).toList();
            long net = b.weekdays() - adj.size();
            Integer exception = exceptionalNet(b);
            assertThat(net).as("%s %s %s..%s: weekdays off %d minus adjusted working days %s", year, b.festival(),
                    b.first(), b.last(), b.weekdays(), adj).isEqualTo(exception != null ? exception : statutoryOf(b.festival(), year));
            // the adjusted working days of a festival lie close to its block
            for (LayerDay d : adj) {
                long gap = Math.min(Math.abs(d.date().toEpochDay() - b.first().toEpochDay()),
                        Math.abs(d.date().toEpochDay() - b.last().toEpochDay()));
                assertThat(gap).as("%s adjusted working day %s far from its block", b.festival(), d.date()).isLessThanOrEqualTo(14);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("years")
    void blocksContainTheirFixedDatesAndHaveTheUsualLengths(int year) {
        for (Block b : blocks()) {
            if (b.year() != year) {
                continue;
            }
            switch (b.festival()) {
                case "元旦" -> assertThat(b.contains(LocalDate.of(year, 1, 1))).isTrue();
                case "劳动节" -> {
                    assertThat(b.contains(LocalDate.of(year, 5, 1))).isTrue();
                    // 7 days before 2008; 1-4 days 2008-2019 (2019: 4 by 国办发明电〔2019〕3号); 5 days since 2020
                    assertThat(b.days()).isBetween(year < 2008 ? 7L : year < 2020 ? 1L : 5L, year < 2008 ? 7L : year < 2020 ? 4L : 5L);
                }
                case "国庆节", "中秋节、国庆节" -> {
                    for (int d = 1; d <= 3; d++) {
                        assertThat(b.contains(LocalDate.of(year, 10, d))).as("%s 国庆 contains 10/%d", year, d).isTrue();
                    }
                    assertThat(b.days()).isBetween(7L, 8L);
                }
                case "春节" -> {
                    // 7 days until 2023 (2020: 10, extended by 国办发明电〔2020〕1号); 8 in 2024 and 2025; 9 in 2026
                    long expected = switch (year) {
                        case 2020 -> 10;
                        case 2024, 2025 -> 8;
                        case 2026 -> 9;
                        default -> 7;
                    };
                    assertThat(b.days()).as("春节 %s", year).isEqualTo(expected);
                    assertThat(b.first().getMonthValue()).isIn(1, 2);
                }
                case "清明节", "端午节", "中秋节" -> assertThat(b.days()).isBetween(1L, 3L);
                case "抗战胜利70周年纪念日" -> assertThat(b.contains(LocalDate.of(2015, 9, 3))).isTrue();
                default -> throw new AssertionError("unexpected festival " + b.festival());
            }
        }
    }

    @Test
    void adjustedWorkingDaysAreWeekendDaysAndNeverInsideABlock() {
        List<Block> blocks = blocks();
        for (LayerDay d : NATIONAL.days().values()) {
            if (d.kind() == LayerDayKind.ADJUSTED_WORKDAY) {
                assertThat(d.date().getDayOfWeek()).as(d.toString()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
                assertThat(blocks).noneMatch(b -> b.contains(d.date()));
            }
        }
    }

    @Test
    void everyRowCitesItsNoticeAndSecondaryYearsSaySo() {
        Set<Integer> secondary = Set.of(2004, 2005, 2008, 2009, 2010, 2012, 2013);
        for (LayerDay d : NATIONAL.days().values()) {
            assertThat(d.source()).as(d.toString()).matches(".*(国办发明电〔\\d{4}〕\\d+号|国发明电〔2015〕1号|部分节假日安排的通知).*");
            int noticeYear = d.date().getMonthValue() == 12 && d.date().getDayOfMonth() >= 29
                    && festival(d.name()).equals("元旦") ? d.date().getYear() + 1 : d.date().getYear();
            if (secondary.contains(noticeYear)) {
                assertThat(d.source()).as(d.toString()).contains("secondary");
            }
        }
    }

    @Test
    void knownTrapsAreEncoded() {
        CompiledCalendar cal = CalendarRepository.bundled().calendarFor(DivisionCode.NATIONAL, CoveragePolicy.STRICT);
        // 2005-12-31 (Saturday) worked, set by the 2006 notice
        assertThat(cal.kindOf(LocalDate.of(2005, 12, 31))).isEqualTo(DayKind.ADJUSTED_WORKDAY);
        assertThat(cal.explain(LocalDate.of(2005, 12, 31)).source().orElseThrow()).contains("国办发明电〔2005〕35号");
        // 2013-04-07 (Sunday) and 2013-10-12 (Saturday) worked
        assertThat(cal.kindOf(LocalDate.of(2013, 4, 7))).isEqualTo(DayKind.ADJUSTED_WORKDAY);
        assertThat(cal.kindOf(LocalDate.of(2013, 10, 12))).isEqualTo(DayKind.ADJUSTED_WORKDAY);
        // Victory Day 2015: 9/3-9/4 off (9/5 Saturday inside the block), 9/6 Sunday worked
        assertThat(cal.kindOf(LocalDate.of(2015, 9, 3))).isEqualTo(DayKind.HOLIDAY);
        assertThat(cal.kindOf(LocalDate.of(2015, 9, 4))).isEqualTo(DayKind.HOLIDAY);
        assertThat(cal.kindOf(LocalDate.of(2015, 9, 6))).isEqualTo(DayKind.ADJUSTED_WORKDAY);
        assertThat(cal.explain(LocalDate.of(2015, 9, 3)).source().orElseThrow()).contains("国发明电〔2015〕1号");
        // 2020 Spring Festival extended to 2/2; 2/1 no longer worked; 2/3 ordinary Monday
        assertThat(cal.kindOf(LocalDate.of(2020, 1, 31))).isEqualTo(DayKind.HOLIDAY);
        assertThat(cal.kindOf(LocalDate.of(2020, 2, 1))).isEqualTo(DayKind.HOLIDAY);
        assertThat(cal.kindOf(LocalDate.of(2020, 2, 2))).isEqualTo(DayKind.HOLIDAY);
        assertThat(cal.kindOf(LocalDate.of(2020, 2, 3))).isEqualTo(DayKind.WORKDAY);
        // 2019 Labour Day as adjusted by 国办发明电〔2019〕3号: 5/1-5/4 off, 4/28 and 5/5 worked
        assertThat(cal.kindOf(LocalDate.of(2019, 5, 2))).isEqualTo(DayKind.HOLIDAY);
        assertThat(cal.kindOf(LocalDate.of(2019, 5, 5))).isEqualTo(DayKind.ADJUSTED_WORKDAY);
        assertThat(cal.explain(LocalDate.of(2019, 5, 2)).source().orElseThrow()).contains("国办发明电〔2019〕3号");
        // holiday blocks include their weekend days; adjoining weekends stay ordinary
        assertThat(cal.kindOf(LocalDate.of(2024, 10, 5))).isEqualTo(DayKind.HOLIDAY);
        assertThat(cal.kindOf(LocalDate.of(2023, 12, 30))).isEqualTo(DayKind.WEEKEND);
        // a 元旦 block starting in December lives in the earlier year's file, cited to the next year's notice
        assertThat(cal.explain(LocalDate.of(2022, 12, 31)).source().orElseThrow()).contains("国办发明电〔2022〕16号");
    }

    @Test
    void workingDaysPerYearAreWithinTheUsualRange() {
        // PROVISIONAL so that (2003-12-31, 2004-12-31] can be asked; only days inside the coverage are counted
        CompiledCalendar cal = CalendarRepository.bundled().calendarFor(DivisionCode.NATIONAL, CoveragePolicy.PROVISIONAL);
        years().forEach(y -> {
            int n = cal.workingDaysBetween(LocalDate.of(y - 1, 12, 31), LocalDate.of(y, 12, 31));
            assertThat(n).as("working days in %d", y).isBetween(244, 252);
        });
    }

    @Test
    void theBundledIndexListsExactlyTheResourceFiles() throws IOException {
        Path root = Path.of("src/main/resources").resolve(CalendarLayerLoader.BUNDLED_ROOT);
        List<String> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals("index.txt")).sorted().toList();
        }
        List<String> index = Files.readAllLines(root.resolve("index.txt")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).sorted().collect(Collectors.toList());
        assertThat(index).isEqualTo(files);
    }

    @Test
    void aNoticeYearFileHoldsOnlyItsOwnYear() {
        for (int y : NATIONAL.years()) {
            NATIONAL.daysOf(y).values().forEach(d -> assertThat(d.file()).endsWith(d.date().getYear() + ".csv"));
        }
    }
}
