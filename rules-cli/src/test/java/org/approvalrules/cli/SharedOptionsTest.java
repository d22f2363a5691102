package org.approvalrules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.approvalrules.cli.command.RulesCommandTest;
import org.approvalrules.cli.command.RulesCommandTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The options every command shares through {@link Options}: one spelling and one behaviour everywhere. */
class SharedOptionsTest {

    @Test
    void calendarsLetsACommandOtherThanDeadlineUseNextYearsNationalFile(@TempDir Path dir) throws IOException {
        Path table = dir.resolve("table.csv");
        Files.writeString(table, "部门,事项编码,事项名称,受理权,审核权,审批权,协调处置权,制证权,送达权,应诉代理权,授权文件,生效日期\n"
                + "市场监管局,MA-001,食品经营许可,是,是,是,是,是,是,是,县市监发〔2024〕3号,2024-01-02\n");
        Path schedule = dir.resolve("schedule.csv");
        Files.writeString(schedule, "部门,星期或日期,开放,生效日期\n市场监管局,周一,全天,2024-01-01\n");
        String[] args = {"authorization", "--table", table.toString(), "--schedule", schedule.toString(),
            "--from", "2027-01-04", "--to", "2027-01-08"};

        Run without = RulesCommandTest.run(args);
        assertThat(without.code()).isEqualTo(2);
        assertThat(without.err()).contains("2027");

        Path national = Files.createDirectories(dir.resolve("calendar").resolve("000000"));
        Files.writeString(national.resolve("2027.csv"), "date,kind,name,source\n2027-01-01,HOLIDAY,元旦,测试通知\n");
        String[] with = java.util.Arrays.copyOf(args, args.length + 2);
        with[args.length] = "--calendars";
        with[args.length + 1] = dir.resolve("calendar").toString();
        Run run = RulesCommandTest.run(with);
        assertThat(run.code()).as(run.err()).isZero();
        // the roster opens Mondays only: Tuesday to Friday of that week are closed working days of 2027
        assertThat(run.out()).contains("authorization.window-not-open-every-working-day").contains("2027-01-05");
    }
}
