package org.approvalrules.spring.boot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.LimitUnit;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.division.DivisionCode;
import org.springframework.util.FileSystemUtils;

/** The test pack ({@code test-packs/}: province 440000 with one rule) copied to a directory a test may edit. */
final class TestPacks {
    static final DivisionCode PROVINCE = DivisionCode.of("440000");
    static final String RULE = "440000.test.remaining";
    static final String DRL = "440000/rules/remaining.drl";

    private TestPacks() {
    }

    static Path copyTo(Path dir) {
        try {
            FileSystemUtils.copyRecursively(Path.of(TestPacks.class.getResource("/test-packs").toURI()), dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A calendar-layer directory for {@code approval-rules.calendars}: the national layer with the bundled 2026
     * notice and, if {@code withTestYear2027}, a 2027 file of ONE test day (not a real notice) so that 2027 counts
     * as loaded.
     */
    static Path calendarLayers(Path dir, boolean withTestYear2027) {
        try {
            Path national = Files.createDirectories(dir.resolve("000000"));
            Files.writeString(national.resolve("layer.properties"), "name = 全国（测试）\nname.en = national (test)\n"
                    + "office-hours = 09:00-17:00\nzone = Asia/Shanghai\n");
            try (InputStream in = TestPacks.class.getResourceAsStream("/org/approvalrules/calendar/000000/2026.csv")) {
                Files.copy(in, national.resolve("2026.csv"));
            }
            if (withTestYear2027) {
                Files.writeString(national.resolve("2027.csv"), "date,kind,name,source\n"
                        + "2027-01-01,HOLIDAY,元旦,测试数据（非真实通知） / test data (not a real notice)\n");
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A case accepted 2026-03-02 with 20 working days, open: 10 working days left on 2026-03-16. */
    static DeadlineInput openCase(String id) {
        return DeadlineInput.builder(id, LocalDateTime.of(2026, 3, 2, 10, 0), new TimeLimit(20, LimitUnit.WORKING_DAYS)).build();
    }

    static final Instant AS_OF = Instant.parse("2026-03-16T02:00:00Z");
}
