package org.approvalrules.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.calendar.OfficeHours;
import org.approvalrules.api.division.DivisionCode;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad-input case of the layer format fails with file, line, field and value, and loads nothing. */
class CalendarLayerLoaderTest {

    @TempDir
    Path dir;

    private Path layer(String code, String properties) throws IOException {
        Path l = Files.createDirectories(dir.resolve(code));
        Files.writeString(l.resolve("layer.properties"), properties, StandardCharsets.UTF_8);
        return l;
    }

    private Path guangxiWith2024(String rows) throws IOException {
        Path l = layer("450000", "name = 广西壮族自治区\n");
        Path f = l.resolve("2024.csv");
        Files.writeString(f, "# test notice\ndate,kind,name,source\n" + rows, StandardCharsets.UTF_8);
        return f;
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertLoadFails(Path file, int line, String field, String value) {
        return assertThatThrownBy(() -> CalendarLayerLoader.loadDirectory(dir)).isInstanceOfSatisfying(DataFormatException.class, e -> {
            assertThat(e.file()).isEqualTo(file.toString());
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.field()).contains(field);
            if (value != null) {
                assertThat(e.value()).contains(value);
            }
            assertThat(e.getMessage()).contains(file.toString() + (line > 0 ? ":" + line : ""));
        });
    }

    @Test
    void aWellFormedLayerLoadsWithItsPropertiesAndRows() throws IOException {
        Path l = layer("451031", "# a county\nname = 某县\noffice-hours = 08:30-17:30\nzone = Asia/Shanghai\nnote.2024 = 测试\n");
        Path cal = Files.createDirectories(dir.resolve("451000").resolve("calendar"));
        Files.writeString(cal.resolve("layer.properties"), "name = 某市\n", StandardCharsets.UTF_8);
        Files.writeString(l.resolve("2024.csv"), "date,kind,name,source\n2024-04-13,ADJUSTED_WORKDAY,\"县庆, 调休\",\"某县通知\"\"2024\"\"\"\n",
                StandardCharsets.UTF_8);
        Map<DivisionCode, CalendarLayer> layers = CalendarLayerLoader.loadDirectory(dir);
        assertThat(layers).containsOnlyKeys(DivisionCode.of("451031"), DivisionCode.of("451000"));
        CalendarLayer county = layers.get(DivisionCode.of("451031"));
        assertThat(county.name()).isEqualTo("某县");
        assertThat(county.officeHours()).contains(OfficeHours.parse("08:30-17:30"));
        assertThat(county.notes()).containsEntry("note.2024", "测试");
        LayerDay d = county.days().get(LocalDate.of(2024, 4, 13));
        assertThat(d.name()).isEqualTo("县庆, 调休");
        assertThat(d.source()).isEqualTo("某县通知\"2024\"");
        assertThat(d.line()).isEqualTo(2);
        assertThat(layers.get(DivisionCode.of("451000")).origin()).endsWith("calendar");
    }

    @Test
    void malformedDate() throws IOException {
        Path f = guangxiWith2024("2024-04-31,HOLIDAY,壮族三月三,通知\n");
        assertLoadFails(f, 3, "date", "2024-04-31").hasMessageContaining("malformed date");
    }

    @Test
    void unknownKind() throws IOException {
        Path f = guangxiWith2024("2024-04-11,HOLIDAY,壮族三月三,通知\n2024-04-12,DAY_OFF,壮族三月三,通知\n");
        assertLoadFails(f, 4, "kind", "DAY_OFF").hasMessageContaining("unknown kind");
    }

    @Test
    void dateOutsideItsYearFile() throws IOException {
        Path f = guangxiWith2024("2025-04-11,HOLIDAY,壮族三月三,通知\n");
        assertLoadFails(f, 3, "date", "2025-04-11").hasMessageContaining("outside its year file 2024.csv");
    }

    @Test
    void aDayBothOffAndWorking() throws IOException {
        Path f = guangxiWith2024("2024-04-13,HOLIDAY,壮族三月三,通知\n2024-04-13,ADJUSTED_WORKDAY,壮族三月三,通知\n");
        assertLoadFails(f, 4, "date", "2024-04-13").hasMessageContaining("line 3").hasMessageContaining("both off and working");
    }

    @Test
    void anAdjustedWorkingDayOnAWeekday() throws IOException {
        Path f = guangxiWith2024("2024-04-10,ADJUSTED_WORKDAY,壮族三月三,通知\n");
        assertLoadFails(f, 3, "date", "2024-04-10").hasMessageContaining("must be a Saturday or Sunday");
    }

    @Test
    void theNationalLayerCannotCancel() throws IOException {
        Path l = layer("000000", "name = 全国\n");
        Path f = l.resolve("2024.csv");
        Files.writeString(f, "date,kind,name,source\n2024-04-13,CANCEL_WORKDAY,x,y\n", StandardCharsets.UTF_8);
        assertLoadFails(f, 2, "kind", "CANCEL_WORKDAY");
    }

    @Test
    void aCancellationOnAWeekday() throws IOException {
        Path f = guangxiWith2024("2024-04-10,CANCEL_WORKDAY,壮族三月三,通知\n");
        assertLoadFails(f, 3, "date", "2024-04-10").hasMessageContaining("use HOLIDAY");
    }

    @Test
    void missingSourceOrWrongColumnCount() throws IOException {
        Path f = guangxiWith2024("2024-04-11,HOLIDAY,壮族三月三,\n");
        assertLoadFails(f, 3, "source", "").hasMessageContaining("cite its notice");
        Files.writeString(f, "date,kind,name,source\n2024-04-11,HOLIDAY,壮族三月三\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CalendarLayerLoader.loadDirectory(dir)).isInstanceOfSatisfying(DataFormatException.class,
                e -> assertThat(e.line()).isEqualTo(2)).hasMessageContaining("expected 4 columns, found 3");
    }

    @Test
    void wrongHeader() throws IOException {
        Path l = layer("450000", "name = 广西\n");
        Path f = l.resolve("2024.csv");
        Files.writeString(f, "# comment\n\ndate;kind;name;source\n", StandardCharsets.UTF_8);
        assertLoadFails(f, 3, "header", "date;kind;name;source");
    }

    @Test
    void malformedOfficeHours() throws IOException {
        Path l = layer("650000", "name = 新疆\n# hours\noffice-hours = 10:00~19:30\n");
        assertLoadFails(l.resolve("layer.properties"), 3, "office-hours", "10:00~19:30").hasMessageContaining("malformed office hours");
    }

    @Test
    void closeBeforeOpenIsMalformedToo() throws IOException {
        Path l = layer("650000", "name = 新疆\noffice-hours = 19:30-10:00\n");
        assertLoadFails(l.resolve("layer.properties"), 2, "office-hours", "19:30-10:00");
    }

    @Test
    void unknownOrDuplicateKeyAndMissingName() throws IOException {
        Path l = layer("650000", "name = 新疆\nofice-hours = 10:00-19:30\n");
        assertLoadFails(l.resolve("layer.properties"), 2, "ofice-hours", "10:00-19:30").hasMessageContaining("unknown key");
        Files.writeString(l.resolve("layer.properties"), "name = 新疆\nname = 新疆维吾尔自治区\n", StandardCharsets.UTF_8);
        assertLoadFails(l.resolve("layer.properties"), 2, "name", "新疆维吾尔自治区").hasMessageContaining("duplicate key");
        Files.writeString(l.resolve("layer.properties"), "zone = Asia/Shanghai\n", StandardCharsets.UTF_8);
        assertLoadFails(l.resolve("layer.properties"), 0, "name", null).hasMessageContaining("must set name");
    }

    @Test
    void unknownZone() throws IOException {
        Path l = layer("650000", "name = 新疆\nzone = Asia/Kashgar-Nowhere\n");
        assertLoadFails(l.resolve("layer.properties"), 2, "zone", "Asia/Kashgar-Nowhere");
    }

    @Test
    void aLayerWithoutPropertiesOrWithABadFileName() throws IOException {
        Path l = Files.createDirectories(dir.resolve("450000"));
        Files.writeString(l.resolve("2024.csv"), "date,kind,name,source\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CalendarLayerLoader.loadDirectory(dir)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("layer.properties");
        Files.writeString(l.resolve("layer.properties"), "name = 广西\n", StandardCharsets.UTF_8);
        Files.writeString(l.resolve("2024-old.csv"), "date,kind,name,source\n", StandardCharsets.UTF_8);
        assertLoadFails(l.resolve("2024-old.csv"), 0, "file", "2024-old.csv");
    }

    @Test
    void aCodeFolderOfAnUnknownProvince() throws IOException {
        layer("990000", "name = 不存在\n");
        assertThatThrownBy(() -> CalendarLayerLoader.loadDirectory(dir)).isInstanceOfSatisfying(DataFormatException.class, e -> {
            assertThat(e.value()).contains("990000");
            assertThat(e.file()).endsWith("990000");
        }).hasMessageContaining("province");
    }

    @Test
    void aFileInGbkIsReadAsGb18030AndBytesInNeitherAreRefused() throws IOException {
        Path l = layer("450000", "name = 广西\n");
        Path f = l.resolve("2024.csv");
        Files.write(f, "date,kind,name,source\n2024-04-11,HOLIDAY,三月三,通知\n".getBytes(java.nio.charset.Charset.forName("GBK")));
        assertThat(CalendarLayerLoader.loadDirectory(dir)).hasSize(1)
                .hasEntrySatisfying(DivisionCode.parse("450000"), layer -> assertThat(layer.toString()).isNotEmpty());
        Files.write(f, new byte[] {'d', 'a', 't', 'e', (byte) 0x81, (byte) 0x30, (byte) 0x81, '\n'});
        assertLoadFails(f, 0, "encoding", null).hasMessageContaining("UTF-8").hasMessageContaining("GB18030");
    }

    @Test
    void anUnterminatedQuote() throws IOException {
        Path f = guangxiWith2024("2024-04-11,HOLIDAY,\"三月三,通知\n");
        assertThatThrownBy(() -> CalendarLayerLoader.loadDirectory(dir)).isInstanceOfSatisfying(DataFormatException.class,
                e -> assertThat(e.line()).isEqualTo(3)).hasMessageContaining(f.toString()).hasMessageContaining("unterminated quote");
    }

    @Test
    void loadingIsAllOrNothing() throws IOException {
        layer("540100", "name = 拉萨市\n"); // fine
        Path f = guangxiWith2024("2024-04-11,HOLIDAY,壮族三月三,通知\n2024-13-01,HOLIDAY,x,y\n");
        assertLoadFails(f, 4, "date", "2024-13-01");
        CalendarRepository before = CalendarRepository.bundled();
        assertThatThrownBy(() -> before.withLayersFrom(dir)).isInstanceOf(DataFormatException.class);
        assertThat(before.layer(DivisionCode.of("450000")).orElseThrow().origin()).startsWith("classpath:");
    }

    @Test
    void aMissingDirectoryAndANationalGap() throws IOException {
        assertThatThrownBy(() -> CalendarLayerLoader.loadDirectory(dir.resolve("nope"))).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("nope");
        Path n = layer("000000", "name = 全国\n");
        Files.writeString(n.resolve("2024.csv"), "date,kind,name,source\n", StandardCharsets.UTF_8);
        Files.writeString(n.resolve("2026.csv"), "date,kind,name,source\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CalendarRepository.fromDirectory(dir)).isInstanceOfSatisfying(DataFormatException.class,
                e -> assertThat(e.value()).contains("2025")).hasMessageContaining("gap");
        Files.delete(n.resolve("2026.csv"));
        assertThat(CalendarRepository.fromDirectory(dir).coverage().toString()).isEqualTo("2024-01-01/2024-12-31");
    }
}
