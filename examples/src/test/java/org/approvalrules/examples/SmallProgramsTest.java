package org.approvalrules.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the two small programs as an embedder would, and checks what they print. */
class SmallProgramsTest {

    private static String run(ThrowingRunnable main) throws Exception {
        PrintStream before = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } finally {
            System.setOut(before);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void oneDeadlineSkipsTheNationalDayBlock() throws Exception {
        // accepted Fri 2025-09-26: counting starts the next working day, Sun 09-28 (调休上班), then 09-29, 09-30,
        // 10-09 (Oct 1–8 off, Sat 10-11 a working day): the 5th working day is 2025-10-10
        String out = run(() -> OneDeadline.main(new String[0]));
        assertThat(out).contains("promised due 承诺到期 2025-10-10");
    }

    @Test
    void superviseDirectoryCountsTheFindingsItWrote(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("items.csv"), """
                item_code,item_name,department,statutory_limit,promised_limit,limit_unit,in_centre_from
                I1,公共场所卫生许可,D02,20,5,WORKING_DAYS,2024-01-02
                """);
        Files.writeString(data.resolve("cases.csv"), """
                case_number,item_code,department,accepted,decided,delivered
                D02-2026-000001,I1,D02,2026-03-02T09:00,2026-03-05T10:00,2026-03-05T11:00
                D02-2026-000004,I1,D02,2026-09-01T09:00,,
                """);
        String out = run(() -> SuperviseDirectory.main(new String[] {"421121", data.toString(), "2026-10-20T04:00:00Z",
                dir.resolve("out").toString()}));
        assertThat(out).startsWith("complete 完整, 2 cases");
        assertThat(out).contains("completeness.case-number-gap 1").contains("deadline.red.promised 1");
    }
}
