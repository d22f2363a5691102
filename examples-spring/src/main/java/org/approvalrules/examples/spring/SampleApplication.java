package org.approvalrules.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small REST service on approval-rules-spring-boot-starter: {@code POST /cases} with a case, answered with
 * its deadline and findings ({@link CaseController}). The entry point, health, reload endpoint and metrics
 * come from the starter, configured in {@code application.yml} (docs/SPRING-BOOT.md).
 *
 * <pre>
 * mvn -B -pl examples-spring -am package -DskipTests
 * java -jar examples-spring/target/examples-spring-0.1.0-SNAPSHOT.jar --approval-rules.packs=examples/packs
 * </pre>
 */
@SpringBootApplication
public class SampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
