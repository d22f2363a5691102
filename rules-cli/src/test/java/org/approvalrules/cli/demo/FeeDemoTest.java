package org.approvalrules.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class FeeDemoTest {

    @Test
    void showsRealAssessmentsTheDatedExemptionAndFindings() {
        StringWriter text = new StringWriter();
        new FeeDemo().run(new PrintWriter(text, true));
        String out = text.toString();
        assertThat(out).contains("不动产登记费（住宅类）（发改价格规〔2016〕2559号）应缴 / due 100.00 元")
                .contains("应缴 / due 300.00").contains("第41件，每件300.00元 = 300.00")
                .contains("应缴 / due 2740.00")
                .contains("应缴 / due 0.00（财税〔2016〕79号）").contains("2020-12-31 否 / no，2021-01-01 是 / yes")
                .contains("[RED] fee.charged-outside-centre 2024050600017")
                .contains("[RED] fee.over-standard 2024050600017");
    }
}
