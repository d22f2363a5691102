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
import java.util.List;
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
 * Watches the packs directory and the calendar directory ({@link WatchService}, every sub-directory of each) and
 * reloads once no change came for the debounce time (an editor's save, a {@code git pull} or a copy are many
 * events). A change in {@code <packs>/451031/...} reloads pack layer 451031; files of the packs directory outside
 * a layer directory are ignored. Any change under a calendar directory ({@code approval-rules.calendars} or
 * {@code approval-rules.calendar-directory}, e.g.
 * next year's {@code 000000/2027.csv}) reloads the national layer, which re-reads every calendar file and
 * rebuilds every locality in service on the new calendars (unchanged rule sets are not recompiled). Runs on one
 * daemon thread between the context's start and stop.
 */
public class PacksWatcher implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(PacksWatcher.class);

    private final Path root;
    private final List<Path> calendars;
    private final Duration debounce;
    private final ApprovalRulesReloader reloader;
    private volatile WatchService watchService;
    private volatile Thread thread;

    /** Watches the packs directory {@code root} only. */
    public PacksWatcher(Path root, Duration debounce, ApprovalRulesReloader reloader) {
        this(root, List.of(), debounce, reloader);
    }

    /**
     * Watches the packs directory {@code packs} (null: none) and the calendar directories {@code calendars}; at
     * least one directory.
     */
    public PacksWatcher(Path packs, List<Path> calendars, Duration debounce, ApprovalRulesReloader reloader) {
        if (packs == null && calendars.isEmpty()) {
            throw new IllegalArgumentException("没有要监视的目录 / nothing to watch: neither packs nor calendars given");
        }
        this.root = packs == null ? null : packs.toAbsolutePath().normalize();
        this.calendars = calendars.stream().map(c -> c.toAbsolutePath().normalize()).toList();
        this.debounce = debounce;
        this.reloader = reloader;
    }

    @Override
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        Path any = root != null ? root : calendars.get(0);
        try {
            watchService = any.getFileSystem().newWatchService();
            for (Path dir : watched()) {
                registerTree(dir);
            }
        } catch (IOException e) {
            throw new IllegalStateException("无法监视目录 / cannot watch the directories " + watched() + ": " + e.getMessage(), e);
        }
        Thread t = new Thread(this::loop, "approval-rules-watch");
        t.setDaemon(true);
        thread = t;
        t.start();
        LOG.info("监视目录 / watching {} (debounce {})", watched(), debounce);
    }

    /** The directories watched: the packs directory and the calendar directory, those given. */
    private List<Path> watched() {
        return Stream.concat(Stream.ofNullable(root), calendars.stream()).toList();
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
            LOG.error("监视目录失败，不再自动重新加载 / watching {} failed; no more automatic reloads", watched(), e);
        }
    }

    /**
     * The layer to reload for a change of {@code path}: the national layer for anything under the calendar
     * directory; under the packs directory its first name, when that is a division code; else none (null).
     */
    DivisionCode layerOf(Path path) {
        Path p = path.toAbsolutePath().normalize();
        if (calendars.stream().anyMatch(p::startsWith)) {
            return DivisionCode.NATIONAL; // re-reads every calendar file, rebuilds every locality
        }
        if (root == null || !p.startsWith(root)) {
            return null;
        }
        Path rel = root.relativize(p);
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
        if (!calendars.isEmpty()) {
            all.add(DivisionCode.NATIONAL);
        }
        if (root == null) {
            return all;
        }
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
