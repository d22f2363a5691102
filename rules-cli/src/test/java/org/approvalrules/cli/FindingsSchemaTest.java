package org.approvalrules.cli;

import org.approvalrules.cli.command.FeeCommandTest;

import org.approvalrules.cli.command.AuthorizationCommand;
import org.approvalrules.cli.command.FeeCommand;
import org.approvalrules.cli.demo.AuthorizationDemo;
import org.approvalrules.cli.demo.IntakeDemo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.approvalrules.core.json.FindingsJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every command that writes findings as JSON writes them in the one shape of docs/findings.schema.json,
 * checked with a maintained JSON Schema validator (draft 2020-12): deadline (single and batch), intake,
 * authorization and fee. Each run must produce findings, so no check passes on an empty list.
 */
class FindingsSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;

    @TempDir
    static Path dir;

    @BeforeAll
    static void loadSchema() throws IOException {
        // the module's base directory is rules-cli; the schema is the documented one, not a copy
        Path file = Path.of("..", "docs", "findings.schema.json");
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(file.toFile()));
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(Object command, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setExecutionExceptionHandler(new ApprovalRulesCommand.Errors());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Validates every finding and returns them; fails when there are none. */
    private static List<JsonNode> validFindings(List<JsonNode> findings) {
        assertThat(findings).as("the run must report findings to validate").isNotEmpty();
        for (JsonNode f : findings) {
            Set<ValidationMessage> errors = schema.validate(f);
            assertThat(errors).as(f.toString()).isEmpty();
            List<String> fields = new ArrayList<>();
            f.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).as("fields in the documented order").isEqualTo(FindingsJson.FIELDS);
        }
        return findings;
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext();) {
            out.add(it.next());
        }
        return out;
    }

    private static Path emptyPacks() throws IOException {
        return Files.createDirectories(dir.resolve("packs"));
    }

    @Test
    void deadlineSingleJson() throws IOException {
        Run r = run(new ApprovalRulesCommand(), "deadline", "--accepted", "2024-09-30T16:00", "--limit", "3", "--unit",
                "WORKING_DAYS", "--as-of", "2024-10-21T12:00", "--locality", "451031", "--packs", emptyPacks().toString(),
                "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> fs = validFindings(elements(JSON.readTree(r.out()).get("findings")));
        assertThat(fs).extracting(f -> f.get("ruleId").asText()).contains("deadline.red.statutory");
        assertThat(fs).allSatisfy(f -> assertThat(f.get("calendarVersion").asText()).isNotBlank());
    }

    @Test
    void deadlineBatchJsonl() throws IOException {
        Path csv = dir.resolve("cases.csv");
        Files.writeString(csv, String.join("\n", "id,accepted,limit,unit,promised,procedures,extend,as_of",
                "B1,2024-09-02T10:00,5,WORKING_DAYS,,,,2024-10-21T12:00",
                "B2,2024-09-03T10:00,20,WORKING_DAYS,30,,,2024-10-21T12:00"), StandardCharsets.UTF_8);
        Run r = run(new ApprovalRulesCommand(), "deadline", "--batch", csv.toString(), "--packs", emptyPacks().toString(),
                "--format", "jsonl");
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> fs = new ArrayList<>();
        for (String line : r.out().lines().toList()) {
            fs.addAll(elements(JSON.readTree(line).get("findings")));
        }
        validFindings(fs);
    }

    @Test
    void intakeJsonl() throws IOException {
        Path log = copy(IntakeDemo.LOG);
        Path moves = copy(IntakeDemo.MOVES);
        Run r = run(new ApprovalRulesCommand(), "intake", "--log", log.toString(), "--moves", moves.toString(),
                "--format", "jsonl");
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> fs = new ArrayList<>();
        for (String line : r.out().lines().toList()) {
            fs.add(JSON.readTree(line));
        }
        validFindings(fs);
    }

    @Test
    void authorizationJson() throws IOException {
        Path table = dir.resolve("authorizations.csv");
        Path chiefs = dir.resolve("chiefs.csv");
        Path schedule = dir.resolve("schedule.csv");
        Files.write(table, AuthorizationDemo.resource("authorizations.csv"));
        Files.write(chiefs, AuthorizationDemo.resource("chiefs.csv"));
        Files.write(schedule, AuthorizationDemo.resource("schedule.csv"));
        Clock clock = Clock.fixed(Instant.parse("2024-09-20T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
        Run r = run(new AuthorizationCommand(clock), "--table", table.toString(), "--chiefs", chiefs.toString(),
                "--schedule", schedule.toString(), "--locality", "451031", "--from", "2024-09-09", "--to", "2024-09-20",
                "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> fs = validFindings(elements(JSON.readTree(r.out()).get("findings")));
        assertThat(fs).extracting(f -> f.get("ruleId").asText()).contains("authorization.window-not-open-every-working-day");
    }

    @Test
    void authorizationReportJson() throws IOException {
        Path data = org.approvalrules.cli.command.AuthorizationReportCommandTest.sample(dir.resolve("report"));
        Run r = run(new ApprovalRulesCommand(), "authorization", "report", "--data", data.toString(), "--as-of", "2024-10-14",
                "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> fs = new ArrayList<>();
        JSON.readTree(r.out()).path("findings").forEach(fs::add);
        validFindings(fs);
        assertThat(fs).extracting(f -> f.get("ruleId").asText()).contains("authorization.signed-outside-window",
                "authorization.roster.gap", "authorization.measured-opening.fewer-days", "authorization.staff.short-tenure");
    }

    @Test
    void feeJson() throws IOException {
        Run r = run(new FeeCommand(FeeCommandTest.MAY_2024), "--standard", "gov-info.per-request", "--quantity", "41",
                "--charged", "4400", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> fs = validFindings(elements(JSON.readTree(r.out()).get("findings")));
        assertThat(fs.get(0).get("evidence").get("charged").asText()).isEqualTo("4400.00");
    }

    @Test
    void feeAuditJsonl() throws IOException {
        Path charges = dir.resolve("charges.csv");
        Files.writeString(charges, """
                id,case_number,standard,date,quantity,prior_in_month,applicant_category,evidence,charged,collected_through
                C1,K1,gov-info.per-request,2024-05-06,1,40,,,4300,UNIFIED
                C2,K2,real-estate.residential,2024-05-06,1,0,SMALL_MICRO_ENTERPRISE,,80,CASH_AT_WINDOW
                """, java.nio.charset.StandardCharsets.UTF_8);
        Run r = run(new FeeCommand(FeeCommandTest.MAY_2024), "audit", "--charges", charges.toString(), "--in-centre-since",
                "2020-01-01", "--format", "jsonl");
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> all = new java.util.ArrayList<>();
        for (String line : r.out().strip().split("\n")) {
            all.addAll(validFindings(elements(JSON.readTree(line).get("findings"))));
        }
        assertThat(all).extracting(f -> f.get("ruleId").asText()).containsExactlyInAnyOrder("fee.over-standard",
                "fee.exemption-not-granted", "fee.exemption-evidence-missing", "fee.not-unified-collection");
    }

    @Test
    void theSchemaRefusesOtherShapes() throws IOException {
        // the schema is strict: the shapes the commands wrote before (message, reference, message_zh) fail
        Run r = run(new FeeCommand(FeeCommandTest.MAY_2024), "--standard", "gov-info.per-request", "--quantity", "41",
                "--charged", "4400", "--format", "json");
        ObjectNode f = (ObjectNode) JSON.readTree(r.out()).get("findings").get(0);
        assertThat(schema.validate(f)).isEmpty();
        ObjectNode renamed = f.deepCopy();
        renamed.set("reference", renamed.remove("legalReference"));
        assertThat(schema.validate(renamed)).isNotEmpty();
        ObjectNode badSeverity = f.deepCopy().put("severity", "ORANGE");
        assertThat(schema.validate(badSeverity)).isNotEmpty();
        ObjectNode badLayer = f.deepCopy().put("layer", "national");
        assertThat(schema.validate(badLayer)).isNotEmpty();
    }

    private static Path copy(String resource) throws IOException {
        Path p = dir.resolve(Path.of(resource).getFileName().toString());
        try (InputStream in = IntakeDemo.class.getResourceAsStream(resource)) {
            Files.copy(in, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return p;
    }
}
