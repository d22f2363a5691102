package org.approvalrules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.regex.Pattern;
import org.approvalrules.cli.command.RulesCommandTest;
import org.approvalrules.cli.command.RulesCommandTest.Run;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code calendar import} on hostile notice files (the text, not a table, so not in {@link HostileInputTest}): a
 * missing file, a directory, an empty file, binary garbage and a notice with no arrangement end in one line, Chinese
 * first, naming the file, exit 2, and no year file written; a GB18030 notice and one with a byte-order mark import
 * exactly as the UTF-8 one.
 */
class NoticeImportHostileTest {

    private static final Pattern CLASS_NAME = Pattern.compile("\\b(java|javax|jdk|sun|org|com|picocli)\\.[a-z]+\\.|Exception\\b|\\tat ");
    private static final String NOTICE = """
            国务院办公厅关于2027年部分节假日安排的通知
            一、元旦:1月1日放假,与周末连休。
            二、春节:2月5日至12日放假调休,共8天。2月14日(星期日)上班。
            三、清明节:4月5日放假。
            四、劳动节:5月1日至5日放假调休,共5天。
            五、端午节:6月9日放假。
            六、中秋节:9月15日放假。
            七、国庆节:10月1日至7日放假调休,共7天。10月9日(星期六)上班。
            """;

    enum Hostile { MISSING, DIRECTORY, EMPTY, BINARY, NO_ARRANGEMENT, GB18030, BOM }

    @ParameterizedTest
    @EnumSource(Hostile.class)
    void importBehavesOnHostileNotices(Hostile h, @TempDir Path dir) throws IOException {
        Path notice = dir.resolve("notice.txt");
        switch (h) {
            case MISSING -> { }
            case DIRECTORY -> Files.createDirectories(notice);
            case EMPTY -> Files.write(notice, new byte[0]);
            case BINARY -> {
                byte[] garbage = new byte[4096];
                new Random(20261204L).nextBytes(garbage);
                garbage[0] = (byte) 0xFF;
                Files.write(notice, garbage);
            }
            case NO_ARRANGEMENT -> Files.writeString(notice, "国务院办公厅关于2027年部分节假日安排的通知\n各地区、各部门：另行通知。\n");
            case GB18030 -> Files.write(notice, NOTICE.getBytes(Charset.forName("GB18030")));
            case BOM -> Files.write(notice, ("\uFEFF" + NOTICE).getBytes(StandardCharsets.UTF_8));
            default -> throw new IllegalStateException(h.name());
        }
        Path out = dir.resolve("2027.csv");
        Run r = RulesCommandTest.run("calendar", "import", "--notice", notice.toString(), "--year", "2027", "--out", out.toString());
        String context = h + ": exit " + r.code() + "\n" + r.err();
        assertThat(r.err()).as(context).doesNotContainPattern(CLASS_NAME).doesNotContain("内部错误");
        if (h == Hostile.GB18030 || h == Hostile.BOM) {
            assertThat(r.code()).as(context).isZero();
            Path plain = dir.resolve("plain.txt");
            Files.writeString(plain, NOTICE, StandardCharsets.UTF_8);
            Path plainOut = dir.resolve("plain.csv");
            Run p = RulesCommandTest.run("calendar", "import", "--notice", plain.toString(), "--year", "2027", "--out", plainOut.toString());
            assertThat(p.code()).isZero();
            assertThat(Files.readString(out)).isEqualTo(Files.readString(plainOut).replace(plain.toString(), notice.toString()));
        } else {
            assertThat(r.code()).as(context).isEqualTo(2);
            assertThat(r.err().lines()).as(context).hasSize(1)
                    .first().asString().startsWith("错误 / error: ").contains("notice.txt");
            assertThat(out).doesNotExist();
        }
    }
}
