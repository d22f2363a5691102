package org.approvalrules.cli.demo;

import org.approvalrules.cli.command.DemoCommand;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CalendarDemoTest {

    @Test
    void showsGuangxiAgainstNationalAndTheNationalDayArithmetic() {
        StringWriter text = new StringWriter();
        new CalendarDemo().run(new PrintWriter(text, true));
        String out = text.toString();
        assertThat(out).containsPattern("2024-04-11 THURSDAY +全国 WORKDAY +广西 HOLIDAY +← 壮族三月三 \\[图层/layer 450000");
        assertThat(out).contains("全国 2024-04-11, 广西 2024-04-15");
        assertThat(out).contains("#1: 2024-09-29 SUNDAY ADJUSTED_WORKDAY 国庆节调休上班 [layer 000000; 国办发明电〔2023〕7号]");
        assertThat(out).contains("=> 2024-10-10");
        assertThat(out).contains("CalendarCoverageException").contains("provisional");
        assertThat(out).contains("STRICT → CalendarCoverageException: 日历 CN-450000 的地方图层 450000（广西壮族自治区）未收录 2025 年")
                .contains("2025-03-31 MONDAY HOLIDAY 壮族三月三（推算");
        assertThat(DemoCommand.sections()).anyMatch(s -> s instanceof CalendarDemo);
    }
}
