package org.approvalrules.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.calendar.NoticeImporter.Imported;
import org.approvalrules.core.calendar.NoticeImporter.NoticeText;
import org.approvalrules.core.calendar.NoticeImporter.Row;
import org.junit.jupiter.api.Test;

/**
 * Imports every national notice 2004–2026 (texts in src/test/resources/notices/national, copied from
 * docs/notices/national) and compares with the bundled national year files, day by day.
 */
class NoticeImporterTest {

    private static final CalendarLayer NATIONAL = CalendarLayerLoader.loadBundled().get(DivisionCode.NATIONAL);

    private static String text(String name) {
        try (InputStream in = NoticeImporterTest.class.getResourceAsStream("/notices/national/" + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<NoticeText> notices(int year) {
        List<NoticeText> out = new ArrayList<>();
        out.add(new NoticeText(year + ".txt", text(year + ".txt"), Optional.of("test")));
        String supplement = text(year + "-supplement.txt");
        if (supplement != null && year != 2015) {
            out.add(new NoticeText(year + "-supplement.txt", supplement, Optional.of("test")));
        }
        return out;
    }

    @Test
    void everyNationalNoticeImportsToTheBundledYearFile() {
        Map<Integer, Imported> imported = new TreeMap<>();
        for (int y = 2004; y <= 2026; y++) {
            imported.put(y, NoticeImporter.importNotices(y, notices(y)));
        }
        for (int y = 2004; y <= 2026; y++) {
            Map<LocalDate, String> expected = new TreeMap<>();
            NATIONAL.daysOf(y).forEach((d, day) -> expected.put(d, day.kind() + " " + day.name()));
            Map<LocalDate, String> actual = new TreeMap<>();
            for (Row r : imported.get(y).rows()) {
                actual.put(r.date(), r.kind() + " " + r.name());
            }
            if (imported.containsKey(y + 1)) {
                for (Row r : imported.get(y + 1).previousYearRows()) {
                    actual.put(r.date(), r.kind() + " " + r.name());
                }
            }
            if (y == 2015) {
                // the 9月3日 notice names its day off only in its title, which the copy lacks (see the test below)
                expected.keySet().removeIf(d -> expected.get(d).contains("纪念日"));
            }
            Map<LocalDate, String> diff = new TreeMap<>();
            expected.forEach((d, v) -> {
                if (!v.equals(actual.get(d))) {
                    diff.put(d, "bundled " + v + " / imported " + actual.get(d));
                }
            });
            actual.forEach((d, v) -> diff.putIfAbsent(d, expected.containsKey(d) ? diff.get(d) : "bundled - / imported " + v));
            diff.values().removeIf(v -> v == null);
            assertThat(diff).as("year %d", y).isEmpty();
            assertThat(actual).isEqualTo(expected);
        }
    }

    @Test
    void titleNumberAndDateBecomeTheSource() {
        Imported i = NoticeImporter.importNotices(2024, List.of(new NoticeText("2024.txt", text("2024.txt"))));
        assertThat(i.rows()).allSatisfy(r -> assertThat(r.source()).isEqualTo("国办发明电〔2023〕7号"));
        assertThat(i.notices()).singleElement().asString().contains("国务院办公厅关于2024年部分节假日安排的通知")
                .contains("国办发明电〔2023〕7号").contains("2023年10月25日");
        String csv = i.csv();
        assertThat(csv).contains(CalendarLayerLoader.HEADER).contains("2024-02-04,ADJUSTED_WORKDAY,春节调休上班,国办发明电〔2023〕7号");
        // the CSV reads back through the layer loader's checks
        assertThat(csv.lines().filter(l -> l.startsWith("2024-")).count()).isEqualTo(i.rows().size());
    }

    @Test
    void aNoticeWithoutTitleOrNumberNeedsASource() {
        assertThatThrownBy(() -> NoticeImporter.importNotices(2005, List.of(new NoticeText("2005.txt", text("2005.txt")))))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("--source");
    }

    @Test
    void theMemorialDayNoticeCannotBePlacedWithoutAFestivalName() {
        List<NoticeText> in = List.of(new NoticeText("2015.txt", text("2015.txt"), Optional.of("t")),
                new NoticeText("2015-supplement.txt", text("2015-supplement.txt"), Optional.of("t")));
        assertThatThrownBy(() -> NoticeImporter.importNotices(2015, in)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("2015-supplement.txt").satisfies(e -> assertThat(((DataFormatException) e).line()).isEqualTo(3));
    }

    @Test
    void badNoticesAreRejectedNamingTheLine() {
        String weekday = "国务院办公厅关于2024年部分节假日安排的通知\n一、元旦:1月1日放假。\n二、春节:2月10日至17日放假调休,共8天。2月5日(星期一)上班。\n";
        assertThatThrownBy(() -> NoticeImporter.importNotices(2024, List.of(new NoticeText("x.txt", weekday))))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("2024-02-05").hasMessageContaining("周末")
                .satisfies(e -> assertThat(((DataFormatException) e).line()).isEqualTo(3));
        String unnamed = "国务院办公厅关于2024年部分节假日安排的通知\n一、元旦:1月1日放假。\n二、某节:2月10日至17日放假。\n";
        assertThatThrownBy(() -> NoticeImporter.importNotices(2024, List.of(new NoticeText("x.txt", unnamed))))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("节日")
                .satisfies(e -> assertThat(((DataFormatException) e).line()).isEqualTo(3));
        String stray = "国务院办公厅关于2024年部分节假日安排的通知\n一、元旦:1月1日放假。\n\n另:2月10日放假。\n";
        assertThatThrownBy(() -> NoticeImporter.importNotices(2024, List.of(new NoticeText("x.txt", stray))))
                .isInstanceOf(DataFormatException.class).satisfies(e -> assertThat(((DataFormatException) e).line()).isEqualTo(4));
        // 2025 under 国务院令第795号: 春节 needs 4 days off
        String short2025 = "国务院办公厅关于2025年部分节假日安排的通知\n一、元旦:1月1日放假。\n二、春节:1月28日至30日放假,共3天。\n"
                + "三、清明节:4月4日放假。\n四、劳动节:5月1日至2日放假。\n五、端午节:5月31日放假。\n六、中秋节、国庆节:10月1日至8日放假。\n";
        assertThatThrownBy(() -> NoticeImporter.importNotices(2025, List.of(new NoticeText("x.txt", short2025))))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("春节").hasMessageContaining("795")
                .satisfies(e -> assertThat(((DataFormatException) e).line()).isEqualTo(3));
        assertThat(NoticeImporter.importNotices(2024, List.of(new NoticeText("x.txt", short2025.replace("2025", "2024")
                .replace("劳动节:5月1日至2日", "劳动节:5月1日至2日"))))).isNotNull();
        String missing = "国务院办公厅关于2024年部分节假日安排的通知\n一、元旦:1月1日放假。\n";
        assertThatThrownBy(() -> NoticeImporter.importNotices(2024, List.of(new NoticeText("x.txt", missing))))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("春节");
    }
}
