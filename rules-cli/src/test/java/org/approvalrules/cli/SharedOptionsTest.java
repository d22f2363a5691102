package org.approvalrules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.approvalrules.cli.command.RulesCommandTest;
import org.approvalrules.cli.command.RulesCommandTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The options every command shares through {@link Options}: one spelling and one behaviour everywhere. */
class SharedOptionsTest {

    /** The options every command takes from {@link Options}, never declaring them itself. */
    private static final Set<String> SHARED = Set.of("--locality", "--packs", "--format", "--as-of");

    @Test
    void noCommandDeclaresASharedOptionItself() {
        Map<String, List<String>> own = new TreeMap<>();
        List<String> seen = new ArrayList<>();
        walk(ApprovalRulesCommand.commandLine(), own, seen);
        own.values().removeIf(List::isEmpty);
        assertThat(own).as("options declared outside Options (command → option: declaring class)").isEmpty();
        // the walk reached the commands of this lane, and every one of their shared options came from Options
        assertThat(seen).contains("approval-rules authorization --locality", "approval-rules authorization --format",
                "approval-rules authorization report --as-of", "approval-rules authorization report --format",
                "approval-rules fee --format", "approval-rules fee quote --packs", "approval-rules fee audit --format",
                "approval-rules calendar export --locality", "approval-rules calendar export --format",
                "approval-rules calendar check --locality", "approval-rules calendar diff --locality",
                "approval-rules rules explain --locality", "approval-rules rules test --locality",
                "approval-rules rules check --packs", "approval-rules deadline --as-of",
                "approval-rules intake --format", "approval-rules supervise --as-of");
    }

    private static void walk(CommandLine cl, Map<String, List<String>> own, List<String> seen) {
        CommandSpec spec = cl.getCommandSpec();
        for (OptionSpec o : spec.options()) {
            String name = o.longestName();
            if (!SHARED.contains(name)) {
                continue;
            }
            Class<?> declaring = o.userObject() instanceof Field f ? f.getDeclaringClass() : null;
            if (declaring != null && declaring.getEnclosingClass() == Options.class) {
                seen.add(spec.qualifiedName() + " " + name);
            } else {
                own.computeIfAbsent(spec.qualifiedName(), k -> new ArrayList<>())
                        .add(name + ": " + (declaring == null ? o.userObject() : declaring.getName()));
            }
        }
        cl.getSubcommands().values().stream().distinct().forEach(sub -> walk(sub, own, seen));
    }

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
