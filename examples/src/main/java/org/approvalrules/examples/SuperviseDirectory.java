package org.approvalrules.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.supervise.SupervisionResult;

/**
 * Supervises a data directory (docs/DATA-FORMAT.md) through the entry point and reads the findings back:
 * {@code SuperviseDirectory LOCALITY DATA_DIR AS_OF OUT_DIR}. Prints whether the run is complete and the findings
 * per rule, counted from {@code findings.jsonl} (one JSON object a line, docs/FINDINGS.md).
 */
public final class SuperviseDirectory {
    private SuperviseDirectory() {
    }

    public static void main(String[] args) throws IOException {
        try (ApprovalRules rules = ApprovalRules.builder().build()) {
            SupervisionResult r = rules.locality(DivisionCode.parse(args[0]))
                    .supervise(Path.of(args[1]), Instant.parse(args[2]), Path.of(args[3]));
            System.out.println((r.complete() ? "complete 完整" : "INCOMPLETE 不完整: " + r.rejectCount() + " rejected")
                    + ", " + r.casesEvaluated() + " cases");
            Map<String, Integer> byRule = new TreeMap<>();
            ObjectMapper json = new ObjectMapper();
            try (BufferedReader in = Files.newBufferedReader(r.findingsJsonl(), StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    JsonNode f = json.readTree(line);
                    byRule.merge(f.get("ruleId").asText(), 1, Integer::sum);
                }
            }
            byRule.forEach((rule, n) -> System.out.println(rule + " " + n));
        }
    }
}
