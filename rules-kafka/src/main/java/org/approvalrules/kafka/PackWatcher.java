package org.approvalrules.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.division.DivisionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the pack directory of a running instance by content: each {@link #poll} digests every layer
 * directory ({@code <packs>/<division code>/…}, every file's path and bytes) and reloads, through
 * {@link ApprovalRules#reload}, each layer whose content changed and then stayed the same for one more poll
 * (so a copy in progress is not read half-way). {@code reload} checks and compiles the new pack before it
 * is used: a broken pack is refused, the snapshot in service stays, and the refusal is logged and returned
 * (the topology writes it to its status topic). A refused content is not tried again; the next edit is.
 * Polled by the topology's wall-clock punctuation; one watcher per instance, shared by its tasks.
 * Thread-safe.
 */
public final class PackWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(PackWatcher.class);

    private final ApprovalRules rules;
    private final Path root;
    /** Layer → digest of the content in service (or last refused). */
    private final Map<DivisionCode, String> applied = new HashMap<>();
    /** Layer → digest seen at the previous poll, when it differed from {@link #applied}. */
    private final Map<DivisionCode, String> pending = new HashMap<>();

    /** A watcher over the pack directory {@code rules} was built with. */
    public PackWatcher(ApprovalRules rules) {
        this.rules = InvalidValueException.requireNonNull(rules, "rules");
        this.root = rules.packs().orElseThrow(() -> new InvalidValueException("rules", rules.toString(),
                "无规则包目录可监视（用 ApprovalRules.builder().packs(dir)） / no pack directory to watch (build with packs(dir))"));
        applied.putAll(digests());
    }

    /**
     * Reloads every layer whose content changed and has been stable since the previous poll.
     *
     * @return the outcome of each reload tried (empty when nothing changed)
     */
    public synchronized List<ApprovalRules.Reload> poll() {
        Map<DivisionCode, String> now = digests();
        List<ApprovalRules.Reload> out = new ArrayList<>();
        Map<DivisionCode, String> layers = new TreeMap<>(java.util.Comparator.comparing(DivisionCode::value));
        layers.putAll(now);
        applied.keySet().forEach(k -> layers.putIfAbsent(k, "")); // a layer directory removed
        for (Map.Entry<DivisionCode, String> e : layers.entrySet()) {
            DivisionCode layer = e.getKey();
            String digest = e.getValue();
            if (digest.equals(applied.getOrDefault(layer, ""))) {
                pending.remove(layer);
                continue;
            }
            if (!digest.equals(pending.get(layer))) {
                pending.put(layer, digest); // changed since the last poll: wait until it is stable
                continue;
            }
            pending.remove(layer);
            applied.put(layer, digest);
            ApprovalRules.Reload r = rules.reload(layer);
            if (r.swapped()) {
                LOG.info("规则包 {} 已重新加载 / pack layer {} reloaded: rule-set versions {}", layer, layer,
                        r.ruleSetVersions());
            } else {
                LOG.error("规则包 {} 被拒绝，继续使用原规则 / pack layer {} refused, the rules in service stay: {}", layer,
                        layer, r.problems());
            }
            out.add(r);
        }
        return out;
    }

    /** Layer → digest of its files (path and bytes). */
    private Map<DivisionCode, String> digests() {
        Map<DivisionCode, String> m = new HashMap<>();
        try (Stream<Path> layers = Files.list(root)) {
            for (Path dir : layers.filter(Files::isDirectory).sorted().toList()) {
                DivisionCode layer;
                try {
                    layer = DivisionCode.parse(dir.getFileName().toString());
                } catch (InvalidValueException e) {
                    continue; // not a layer directory (e.g. calendar/)
                }
                m.put(layer, digest(dir));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取规则包目录 / cannot read the pack directory " + root, e);
        }
        return m;
    }

    private static String digest(Path dir) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                md.update(dir.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(Files.readAllBytes(f));
                md.update((byte) 0);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
