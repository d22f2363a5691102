package org.approvalrules.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The sample service over HTTP, one context: it starts on a copy of the example packs, answers a case with its
 * deadline and findings, refuses a bad request naming the field, and refuses a broken pack edit (through the
 * {@code approvalrules} endpoint) while the old rules keep answering; health says why.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleApplicationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path PACKS = copyExamplePacks();
    /** Accepted 2 March 2026, promised 10 working days: on 16 March the promised time is used up (yellow card). */
    private static final String CASE = """
            {"id": "GX-2024-0001", "accepted": "2024-03-04T10:00", "limit": 20, "promised": 10,
             "asOf": "2024-03-18T10:00:00+08:00"}""";

    @LocalServerPort
    int port;

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2024-03-18T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
        }
    }

    @DynamicPropertySource
    static void packs(DynamicPropertyRegistry registry) {
        registry.add("approval-rules.packs", PACKS::toString);
        registry.add("approval-rules.default-locality", () -> "451031");
        registry.add("approval-rules.reload.watch", () -> "false"); // reload through the endpoint only
    }

    @Test
    @Order(1)
    void startsHealthy() throws Exception {
        JsonNode health = json(get("/actuator/health"), 200);
        assertThat(health.path("status").asText()).isEqualTo("UP");
        JsonNode rules = health.path("components").path("approvalRules");
        assertThat(rules.path("details").path("localities").path("451031").path("ruleSetVersion").asText()).isNotEmpty();
        assertThat(rules.path("details").path("localities").path("451031").path("calendarCoverage").asText())
                .isEqualTo("2004-01-01/2026-12-31");
    }

    @Test
    @Order(2)
    void answersACase() throws Exception {
        JsonNode r = json(post("/cases", CASE), 200);
        assertThat(r.path("caseId").asText()).isEqualTo("GX-2024-0001");
        assertThat(r.path("locality").asText()).isEqualTo("451031");
        assertThat(r.path("statutory").path("dueDate").asText()).isEqualTo("2024-04-01");
        assertThat(r.path("promised").path("dueDate").asText()).isEqualTo("2024-03-18");
        assertThat(r.path("statutory").path("dueInstant").asText()).isEqualTo("2024-04-01T18:00+08:00");
        assertThat(r.path("status").asText()).isEqualTo("YELLOW");
        JsonNode findings = r.path("findings");
        assertThat(findings.isArray()).isTrue();
        assertThat(findings).anySatisfy(f -> assertThat(f.path("ruleId").asText()).isEqualTo("deadline.yellow.promised"));
        // the module's base directory is examples-spring; the schema is the documented one, not a copy
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(JSON.readTree(Path.of("..", "docs", "findings.schema.json").toFile()));
        for (JsonNode f : findings) {
            assertThat(schema.validate(f)).as(f.toString()).isEmpty();
            assertThat(f.path("subject").asText()).isEqualTo("GX-2024-0001");
            assertThat(f.path("ruleSetVersion").asText()).isEqualTo(r.path("ruleSetVersion").asText());
            // the finding names the locality's calendar; the case's adds the pack's office hours ("+hours …")
            assertThat(r.path("calendarVersion").asText()).startsWith(f.path("calendarVersion").asText());
        }
        JsonNode cases = json(get("/actuator/metrics/approval.rules.cases"), 200);
        assertThat(cases.path("measurements").get(0).path("value").asDouble()).isGreaterThanOrEqualTo(1);
    }

    @Test
    @Order(3)
    void refusesABadCaseNamingTheField() throws Exception {
        JsonNode r = json(post("/cases", CASE.replace("\"limit\": 20", "\"limit\": 20, \"unit\": \"FORTNIGHTS\"")), 400);
        assertThat(r.path("error").path("field").asText()).isEqualTo("unit");
        assertThat(r.path("error").path("message").asText()).contains("unknown unit");
        JsonNode unknown = json(post("/cases", CASE.replace("\"limit\"", "\"limt\"")), 400);
        assertThat(unknown.path("error").path("message").asText()).contains("limt");
    }

    @Test
    @Order(4)
    void refusesABrokenPackEditWhileTheOldRulesServe() throws Exception {
        String before = json(post("/cases", CASE), 200).path("ruleSetVersion").asText();
        Path drl = PACKS.resolve("451031/rules/intake.drl");
        Files.writeString(drl, Files.readString(drl).replace("$c : CaseFacts(", "$c : CaseFacts(("));

        JsonNode reload = json(post("/actuator/approvalrules", "{\"layer\": \"451031\"}"), 200);
        assertThat(reload.path("swapped").asBoolean()).isFalse();
        assertThat(reload.path("problems").toString()).contains("intake.drl");

        JsonNode health = json(get("/actuator/health"), 200);
        assertThat(health.path("status").asText()).isEqualTo("WARNING");
        assertThat(health.path("components").path("approvalRules").path("details").path("warnings").toString())
                .contains("451031").contains("intake.drl");

        JsonNode r = json(post("/cases", CASE), 200);
        assertThat(r.path("ruleSetVersion").asText()).isEqualTo(before);
        assertThat(r.path("findings")).anySatisfy(f -> assertThat(f.path("ruleId").asText()).isEqualTo("deadline.yellow.promised"));
    }

    @AfterAll
    static void removeCopy() throws IOException {
        FileSystemUtils.deleteRecursively(PACKS);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r, int status) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    /** The example packs of the examples module (examples/packs), copied so the test may break them. */
    private static Path copyExamplePacks() {
        try {
            Path dir = Files.createTempDirectory("sample-packs");
            FileSystemUtils.copyRecursively(Path.of("..", "examples", "packs"), dir);
            return dir;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
