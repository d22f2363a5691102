package org.approvalrules.spring.boot.autoconfigure;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.division.DivisionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Watches the packs directory ({@link WatchService}, every sub-directory) and reloads the layers whose files
 * changed once no change came for the debounce time (an editor's save, a {@code git pull} or a copy are many
 * events). A change in {@code <packs>/451031/...} reloads layer 451031; files outside a layer directory are
 * ignored. Runs on one daemon thread between the context's start and stop.
 */
public class PacksWatcher implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(PacksWatcher.class);

    private final Path root;
    private final Duration debounce;
    private final ApprovalRulesReloader reloader;
    private volatile WatchService watchService;
    private volatile Thread thread;

    public PacksWatcher(Path root, Duration debounce, ApprovalRulesReloader reloader) {
        this.root = root.toAbsolutePath().normalize();
        this.debounce = debounce;
        this.reloader = reloader;
    }

    @Override
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        try {
            watchService = root.getFileSystem().newWatchService();
            registerTree(root);
        } catch (IOException e) {
            throw new IllegalStateException("无法监视规则包目录 / cannot watch the packs directory " + root + ": " + e.getMessage(), e);
        }
        Thread t = new Thread(this::loop, "approval-rules-watch");
        t.setDaemon(true);
        thread = t;
        t.start();
        LOG.info("监视规则包目录 / watching the packs directory {} (debounce {})", root, debounce);
    }

    @Override
    public synchronized void stop() {
        Thread t = thread;
        thread = null;
        if (t == null) {
            return;
        }
        try {
            watchService.close();
        } catch (IOException e) {
            LOG.debug("closing the watch service", e);
        }
        t.interrupt();
        try {
            t.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void loop() {
        Set<DivisionCode> pending = new TreeSet<>(java.util.Comparator.comparing(DivisionCode::value));
        WatchService ws = watchService;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = pending.isEmpty() ? ws.take() : ws.poll(debounce.toNanos(), TimeUnit.NANOSECONDS);
                if (key == null) {
                    // quiet for the debounce time: reload what changed, parents first
                    for (DivisionCode layer : pending) {
                        try {
                            reloader.reload(layer, ReloadOutcome.Trigger.WATCH);
                        } catch (RuntimeException e) {
                            LOG.error("重新加载 {} 失败 / reload of {} failed; watching goes on", layer, layer, e);
                        }
                    }
                    pending.clear();
                    continue;
                }
                Path dir = (Path) key.watchable();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        pending.addAll(allLayers());
                        continue;
                    }
                    Path changed = dir.resolve((Path) event.context());
                    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(changed)) {
                        registerTree(changed);
                    }
                    DivisionCode layer = layerOf(changed);
                    if (layer != null) {
                        pending.add(layer);
                    }
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // stopped
        } catch (IOException | RuntimeException e) {
            LOG.error("监视规则包目录失败，不再自动重新加载 / watching the packs directory failed; no more automatic reloads", e);
        }
    }

    /** The layer of a path under the root: its first name, when that is a division code. */
    DivisionCode layerOf(Path path) {
        Path rel = root.relativize(path.toAbsolutePath().normalize());
        if (rel.getNameCount() == 0 || rel.startsWith("..")) {
            return null;
        }
        String name = rel.getName(0).toString();
        if (rel.getNameCount() == 1 && !Files.isDirectory(path) && Files.exists(path)) {
            return null; // a file beside the layer directories
        }
        try {
            return DivisionCode.parse(name);
        } catch (InvalidValueException e) {
            return null;
        }
    }

    private Set<DivisionCode> allLayers() {
        Set<DivisionCode> all = new TreeSet<>(java.util.Comparator.comparing(DivisionCode::value));
        try (Stream<Path> s = Files.list(root)) {
            s.filter(Files::isDirectory).map(this::layerOf).filter(java.util.Objects::nonNull).forEach(all::add);
        } catch (IOException e) {
            LOG.warn("cannot list {}", root, e);
        }
        return all;
    }

    private void registerTree(Path start) throws IOException {
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                dir.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
