package org.approvalrules.spring.boot.autoconfigure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Explains unknown {@code approval-rules.*} keys (the binder refuses them: {@code ignoreUnknownFields = false}):
 * each key with where it was set and the nearest known key, and the list of known keys, read from the
 * configuration metadata. Runs before Spring Boot's general analysis of unbound properties.
 */
public class UnknownPropertyFailureAnalyzer extends AbstractFailureAnalyzer<UnboundConfigurationPropertiesException>
        implements Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnboundConfigurationPropertiesException cause) {
        List<ConfigurationProperty> unknown = cause.getUnboundProperties().stream()
                .filter(p -> p.getName().toString().startsWith(ApprovalRulesProperties.PREFIX + "."))
                .sorted(Comparator.comparing(p -> p.getName().toString())).toList();
        if (unknown.isEmpty()) {
            return null;
        }
        TreeSet<String> known = knownKeys();
        StringBuilder d = new StringBuilder("未知的 approval-rules 设置 / unknown approval-rules properties:\n");
        for (ConfigurationProperty p : unknown) {
            String name = p.getName().toString();
            d.append("\n    Property: ").append(name).append("\n    Origin: ").append(p.getOrigin())
                    .append("\n    Reason: 没有这个设置 / no such property");
            String near = nearest(name, known);
            if (near != null) {
                d.append("；是否应为 / did you mean ").append(near).append('?');
            }
            d.append('\n');
        }
        return new FailureAnalysis(d.toString(), "删除或更正这些设置；已知的设置 / remove or correct them; the known properties: "
                + known + " (docs/SPRING-BOOT.md)", cause);
    }

    /** The {@code approval-rules.*} keys of the configuration metadata on the class path. */
    static TreeSet<String> knownKeys() {
        TreeSet<String> keys = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        try {
            Enumeration<URL> files = UnknownPropertyFailureAnalyzer.class.getClassLoader()
                    .getResources("META-INF/spring-configuration-metadata.json");
            while (files.hasMoreElements()) {
                try (InputStream in = files.nextElement().openStream()) {
                    for (JsonNode p : json.readTree(in).path("properties")) {
                        String name = p.path("name").asText();
                        if (name.startsWith(ApprovalRulesProperties.PREFIX + ".")) {
                            keys.add(name);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    /** The known key nearest to {@code name} (edit distance at most a third of its length), or null. */
    static String nearest(String name, Iterable<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(name, k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(2, name.length() / 3) ? best : null;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
