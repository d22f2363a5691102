package org.approvalrules.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.DayKind;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.LoaderErrors;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the calendar layer loader through its public entry points ({@link CalendarRepository#fromDirectory},
 * {@link CalendarRepository#withLayersFrom}) with the text of {@code layer.properties} and of a year
 * file written to a temporary directory. Any content gives a repository or a DataFormatException
 * naming the file (a path under the temporary directory); a repository that loads composes a calendar whose days are those the files say.
 *
 * <p>Input layout (seeds in {@code CalendarLayerLoaderFuzzTestInputs/<method>/}): the content of
 * {@code layer.properties}, a line {@code %%}, the content of {@code 2024.csv}.
 */
class CalendarLayerLoaderFuzzTest {

    private static final DivisionCode GUANGXI = DivisionCode.of("450000");
    private static final CalendarRepository BUNDLED = CalendarRepository.bundled();

    @TempDir
    static Path dir;

    /** A Guangxi layer (450000) loaded over the bundled national data. */
    @FuzzTest(maxDuration = "5m")
    void localLayer(byte[] input) throws IOException {
        Path root = writeLayer("local", GUANGXI, input);
        CalendarRepository repo = LoaderErrors.valueOrNull(root.toString(), () -> BUNDLED.withLayersFrom(root));
        if (repo == null) {
            return;
        }
        assertComposed(repo, GUANGXI);
        assertThat(repo.layer(DivisionCode.NATIONAL)).isEqualTo(BUNDLED.layer(DivisionCode.NATIONAL));
    }

    /** A national layer (000000) of one year, loaded on its own. */
    @FuzzTest(maxDuration = "5m")
    void nationalLayer(byte[] input) throws IOException {
        Path root = writeLayer("national", DivisionCode.NATIONAL, input);
        CalendarRepository repo = LoaderErrors.valueOrNull(root.toString(), () -> CalendarRepository.fromDirectory(root));
        if (repo == null) {
            return;
        }
        assertThat(repo.coverage().toString()).isEqualTo("2024-01-01/2024-12-31");
        assertComposed(repo, DivisionCode.NATIONAL);
    }

    private static Path writeLayer(String name, DivisionCode code, byte[] input) throws IOException {
        byte[][] files = LoaderErrors.parts(input, 2);
        Path root = dir.resolve(name);
        Path layer = Files.createDirectories(root.resolve(code.value()));
        Files.write(layer.resolve(CalendarLayerLoader.LAYER_PROPERTIES), files[0]);
        Files.write(layer.resolve("2024.csv"), files[1]);
        return root;
    }

    /**
     * Every day of 2024 has the kind of the lowest layer that has a row for it (else the ordinary
     * weekday/weekend kind), and the working-day count agrees with a day-by-day count.
     */
    private static void assertComposed(CalendarRepository repo, DivisionCode locality) {
        CompiledCalendar calendar = repo.calendarFor(locality, CoveragePolicy.STRICT);
        assertThat(repo.layer(locality).orElseThrow().name()).isNotBlank();
        LocalDate first = LocalDate.of(2024, 1, 1);
        int working = 0;
        for (LocalDate d = first; d.getYear() == 2024; d = d.plusDays(1)) {
            DayKind expected = CompiledCalendar.ordinaryKind(d);
            for (CalendarLayer layer : repo.layersFor(locality)) {
                LayerDay row = layer.days().get(d);
                expected = row == null ? expected : row.kind().dayKind();
            }
            assertThat(calendar.kindOf(d)).as("kind of %s", d).isEqualTo(expected);
            working += d.isAfter(first) && expected.isWorking() ? 1 : 0;
        }
        assertThat(calendar.workingDaysBetween(first, LocalDate.of(2024, 12, 31))).isEqualTo(working);
    }
}
