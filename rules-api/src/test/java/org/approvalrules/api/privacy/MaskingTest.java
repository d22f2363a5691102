package org.approvalrules.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Random;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.applicant.ApplicantId;
import org.approvalrules.api.rules.RulePackException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MaskingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "身份证 11010519491231002X 错误 | 身份证 1101************2X 错误",
        "id=11010519491231002x; | id=1101************2x;",
        "110105194912310021 | 1101************21",          // wrong check digit: still masked
        "91350100M000100Y43 | 9135************43",
        "(值/value: \"91350100m000100y43\") | (值/value: \"9135************43\")",
        "legacy 110105491231002 | legacy 1101*********02",
        "tel 13812345678. | tel 13*******78.",
        "+8613812345678 | +8613*******78",
        "008613812345678 | 008613*******78",
        "E12345678,G1234567 | E1*****78,G1****67",
        "SE1234567 EA1234567 | SE*****67 EA*****67",
        "H12345678 M1234567890 | H1*****78 M1*******90",
        "C12345678 CA1234567 T12345678 | C1*****78 CA*****67 T1*****78",
        "张三11010519491231002X号 | 张三1101************2X号"})
    void identifierShapesAreMaskedKeepingAShortPrefixAndSuffix(String in, String expected) {
        assertThat(Masking.mask(in)).isEqualTo(expected).hasSameSizeAs(in);
        assertThat(Masking.containsIdentifier(in)).isTrue();
        assertThat(Masking.mask(expected)).as("idempotent").isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-09-27T10:30", "20240927103000", "202409271030", "20240927", "GX-2024-0001",
        "11451031MB1234567X4000111000001", "12345678.00 元", "13812345678.5", "0.110105491231002",
        "版本 / version d3e6a8162224c27d", "12345678", "1234567890", "E123456", "ABC1234567", "23812345678",
        "第 110105 行", "case A-1 2024-05-06..2024-05-31", ""})
    void otherTextIsLeftAlone(String in) {
        assertThat(Masking.mask(in)).isEqualTo(in);
        assertThat(Masking.containsIdentifier(in)).isFalse();
    }

    @Test
    void aValidIdentifierGluedIntoALongerTokenIsMaskedButNotAMereShape() {
        String code = "11451031MB1234567" + ApplicantId.creditCodeCheckChar("11451031MB1234567");
        assertThat(Masking.mask(code + "4000111000001")).isEqualTo("1145************" + code.substring(16) + "4000111000001");
        assertThat(Masking.mask("No11010519491231002X")).isEqualTo("No1101************2X");
        assertThat(Masking.mask("No110105194912310021")).as("wrong check digit inside a longer token").isEqualTo(
                "No110105194912310021");
        assertThat(Masking.mask("x13812345678")).isEqualTo("x13812345678");
        // found by MaskingFuzzTest: a valid window starting in the visible end of a masked one
        String zeros = "0".repeat(18); // a valid credit code (check character 0)
        String next = "020649137759988540";
        assertThat(ApplicantId.isValid(next)).isTrue();
        String text = "4444" + zeros + next.substring(1) + "30";
        assertThat(text.indexOf(next)).isEqualTo(4 + 17);
        assertThat(Masking.mask(text)).doesNotContain(next).startsWith("44440000************");
        assertThat(Masking.mask(null)).isEqualTo("null");
    }

    /** Every valid ID number of a sweep, in every context, never survives; the length never changes. */
    @Test
    void everyGeneratedIdentifierInAnyContextIsMasked() {
        Random r = new Random(11);
        String[] before = {"", " ", ",", "\"", "号码", "+", "A", "9", "ab-", "(值/value: \""};
        String[] after = {"", " ", ",", "\"", "号", ".", "Z", "7", "\n", "\")"};
        int checked = 0;
        for (int i = 0; i < 2000; i++) {
            String first17 = String.format("%06d%04d%02d%02d%03d", 110000 + r.nextInt(540000), 1900 + r.nextInt(125),
                    1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(1000));
            String id = first17 + ApplicantId.residentIdCheckChar(first17);
            StringBuilder cc = new StringBuilder().append("9123Y5".charAt(r.nextInt(6))).append(1 + r.nextInt(3))
                    .append(String.format("%06d", r.nextInt(1000000)));
            for (int k = 0; k < 9; k++) {
                cc.append(ApplicantId.CREDIT_CODE_CHARSET.charAt(r.nextInt(31)));
            }
            String code = cc.toString() + ApplicantId.creditCodeCheckChar(cc);
            for (String value : new String[] {id, code, code.toLowerCase(java.util.Locale.ROOT)}) {
                String text = before[r.nextInt(before.length)] + value + after[r.nextInt(after.length)];
                String masked = Masking.mask(text);
                assertThat(masked).as(text).hasSameSizeAs(text).doesNotContain(value).doesNotContain(value.substring(4, 16));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(6000);
    }

    @Test
    void aLongLineIsMaskedInOnePass() {
        String id = "11010519491231002X";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            b.append(i % 2 == 0 ? "1234567890" : id).append(i % 3 == 0 ? "," : "");
        }
        String masked = Masking.mask(b);
        assertThat(masked).hasSameSizeAs(b).doesNotContain(id);
        assertThat(Masking.mask("9".repeat(1_000_000))).hasSize(1_000_000).doesNotContain("*");
    }

    @Test
    void exceptionsMaskTheirMessagesAndValues() {
        String id = "11010519491231002X";
        InvalidValueException e = new InvalidValueException("caseNumber", id, "办件 " + id + " 重复 / duplicate case");
        assertThat(e.getMessage()).doesNotContain(id).contains("1101************2X");
        assertThat(e.value()).isEqualTo("1101************2X");
        DataFormatException d = new DataFormatException("log-" + id + ".csv", 13812345, "申请者证件号码", id,
                "行内容 / line: C1," + id + ",窗口");
        assertThat(d.getMessage()).contains(":13812345:").contains("(值/value: \"1101************2X\")")
                .contains("line: C1,1101************2X,窗口");
        assertThat(d.value()).contains("1101************2X");
        assertThat(d.file()).isEqualTo("log-" + id + ".csv"); // the caller's own path, shown as given
        assertThat(new DataFormatException("/tmp/junit-578554991738643215/a.csv", 3, "f", "v", "r").getMessage())
                .startsWith("/tmp/junit-578554991738643215/a.csv:3: ");
        RulePackException p = new RulePackException("p.yaml", 3, "值 / value " + id);
        assertThat(p.getMessage()).doesNotContain(id);
        assertThat(p.problems().get(0).reason()).doesNotContain(id);
    }

    @Test
    void theOutputStreamMasksUtf8LinesByteForByte() throws IOException {
        java.io.ByteArrayOutputStream sink = new java.io.ByteArrayOutputStream();
        String text = "错误 / error: 申请人11010519491231002X，电话 +8613812345678\n版本 d3e6a8162224c27d";
        try (java.io.PrintStream ps = new java.io.PrintStream(new MaskingOutputStream(sink), true,
                java.nio.charset.StandardCharsets.UTF_8)) {
            ps.print(text);
        }
        assertThat(sink.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(Masking.mask(text))
                .isEqualTo("错误 / error: 申请人1101************2X，电话 +8613*******78\n版本 d3e6a8162224c27d");
    }

    @Test
    void theWriterMasksWholeLinesEvenWhenWrittenInPieces() throws IOException {
        StringWriter sink = new StringWriter();
        try (MaskingWriter w = new MaskingWriter(sink)) {
            w.write("申请人 1101051949");
            w.write("1231002X, tel 138");
            w.write("12345678\nnext ");
            assertThat(sink.toString()).isEqualTo("申请人 1101************2X, tel 13*******78\n");
            w.write("E12345678");
        }
        assertThat(sink.toString()).endsWith("\nnext E1*****78");
    }

    @Test
    void theWriterGivesLineByLineMaskingHoweverTheTextIsCut() throws IOException {
        String[] words = {"申请人", "11010519491231002X", "\n", " ", "tel", "13812345678", ",", "E12345678", "办件 GX-1",
            "91350100M000100Y43", "\n\n", "2024-09-27"};
        java.util.Random random = new java.util.Random(20261205);
        for (int round = 0; round < 500; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(words[random.nextInt(words.length)]);
            }
            StringBuilder expected = new StringBuilder();
            for (String line : text.toString().split("(?<=\n)")) {
                expected.append(Masking.mask(line));
            }
            StringWriter sink = new StringWriter();
            try (MaskingWriter w = new MaskingWriter(sink)) {
                for (int at = 0; at < text.length(); ) {
                    int n = Math.min(text.length() - at, 1 + random.nextInt(12));
                    switch (random.nextInt(3)) {
                        case 0 -> w.write(text.toString(), at, n);
                        case 1 -> w.write(text.toString().toCharArray(), at, n);
                        default -> {
                            w.write(text.charAt(at));
                            n = 1;
                        }
                    }
                    at += n;
                }
            }
            assertThat(sink.toString()).as("round %d: %s", round, text).isEqualTo(expected.toString());
        }
    }
}
