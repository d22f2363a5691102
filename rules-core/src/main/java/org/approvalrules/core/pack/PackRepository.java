package org.approvalrules.core.pack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.rules.RulePackException;
import org.approvalrules.api.rules.RulePackException.Problem;
import org.approvalrules.api.spi.DecisionTableConverter;

/**
 * The layers of a rule pack, by division code, loaded all or nothing: the bundled national layer and
 * optionally a directory of local layers ({@code DIR/<code>/manifest.yaml}, …; a {@code DIR/000000}
 * replaces the bundled national layer). Immutable; {@link #withReloaded} returns a new repository.
 */
public final class PackRepository {
    /** Where the bundled national layer lives on the classpath. */
    public static final String BUNDLED_BASE = "org/approvalrules/packs";

    private final Map<DivisionCode, Layer> layers;
    private final Optional<Path> directory;
    private final ClassLoader loader;
    private final DecisionTableConverter tables;

    private PackRepository(Map<DivisionCode, Layer> layers, Optional<Path> directory, ClassLoader loader,
            DecisionTableConverter tables) {
        this.layers = java.util.Collections.unmodifiableMap(new TreeMap<>(layers));
        this.directory = directory;
        this.loader = loader;
        this.tables = tables;
    }

    /** Only the national layer bundled on the classpath of {@code loader}. */
    public static PackRepository bundled(ClassLoader loader, DecisionTableConverter tables) {
        Layer national = LayerLoader.load(PackFiles.classpath(loader, BUNDLED_BASE + "/000000"), "000000", tables);
        return new PackRepository(Map.of(DivisionCode.NATIONAL, national), Optional.empty(), loader, tables);
    }

    /**
     * Every layer of {@code dir} (sub-directories named by 6-digit division codes), with the bundled
     * national layer unless {@code dir/000000} exists. All problems of all layers are reported together.
     */
    public static PackRepository directory(Path dir, ClassLoader loader, DecisionTableConverter tables) {
        if (!Files.isDirectory(dir)) {
            throw new RulePackException(dir.toString(), 0, "规则包目录不存在 / rule pack directory does not exist");
        }
        Map<DivisionCode, Layer> layers = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        List<Path> subdirs;
        try (Stream<Path> s = Files.list(dir)) {
            subdirs = s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new RulePackException(dir.toString(), 0, "无法读取目录 / cannot list directory: " + e.getMessage());
        }
        for (Path sub : subdirs) {
            String name = sub.getFileName().toString();
            try {
                DivisionCode code = DivisionCode.parse(name);
                layers.put(code, LayerLoader.load(PackFiles.directory(sub), name, tables));
            } catch (InvalidValueException e) {
                problems.add(new Problem(sub.toString(), 0, "层目录名必须是6位行政区划代码 / a layer directory must be named "
                        + "by its 6-digit division code: " + e.getMessage()));
            } catch (RulePackException e) {
                problems.addAll(e.problems());
            }
        }
        if (!layers.containsKey(DivisionCode.NATIONAL)) {
            try {
                layers.put(DivisionCode.NATIONAL,
                        LayerLoader.load(PackFiles.classpath(loader, BUNDLED_BASE + "/000000"), "000000", tables));
            } catch (RulePackException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new RulePackException(problems);
        }
        PackRepository repo = new PackRepository(layers, Optional.of(dir), loader, tables);
        repo.checkParents();
        return repo;
    }

    private void checkParents() {
        List<Problem> problems = new ArrayList<>();
        for (Layer l : layers.values()) {
            Optional<DivisionCode> parent = l.manifest().parent();
            if (parent.isPresent() && !layers.containsKey(parent.get())) {
                problems.add(new Problem(l.manifest().file(), 0, "缺少上级层 " + parent.get()
                        + "（清单中声明为 parent） / missing parent layer " + parent.get() + " named in the manifest"));
            }
            if (parent.isPresent() && !parent.get().contains(l.code())) {
                problems.add(new Problem(l.manifest().file(), 0, "parent " + parent.get() + " 不是 " + l.code()
                        + " 的上级 / is not an ancestor of " + l.code()));
            }
        }
        if (!problems.isEmpty()) {
            throw new RulePackException(problems);
        }
    }

    /** The layers loaded, by code. */
    public Map<DivisionCode, Layer> layers() {
        return layers;
    }

    /** The directory of local layers, when there is one. */
    public Optional<Path> directory() {
        return directory;
    }

    /** The layers that apply to {@code locality}, national first: each code of its lineage that has a layer. */
    public List<Layer> lineage(DivisionCode locality) {
        InvalidValueException.requireNonNull(locality, "locality");
        return locality.lineage().stream().filter(layers::containsKey).map(layers::get).toList();
    }

    /** The effective pack of {@code locality}. */
    public EffectivePack effective(DivisionCode locality) {
        return Layering.apply(locality, lineage(locality));
    }

    /**
     * Checks that {@code locality} is known to this repository: it, or a non-national ancestor, has a
     * layer (any locality is known when the repository holds the national layer only).
     */
    public void requireKnown(DivisionCode locality) {
        if (layers.size() == 1 || lineage(locality).size() > 1) {
            return;
        }
        throw new RulePackException(directory.map(Path::toString).orElse("<bundled>"), 0, "未知地区 " + locality
                + "：规则包中没有它或其上级的层（已有：" + layers.keySet() + "） / unknown locality " + locality
                + ": no layer for it or its ancestors (layers: " + layers.keySet() + ")");
    }

    /**
     * A new repository in which the layer {@code code} is read again from the directory (or removed,
     * when its directory is gone). This repository is unchanged; on error nothing is replaced.
     */
    public PackRepository withReloaded(DivisionCode code) {
        Map<DivisionCode, Layer> copy = new TreeMap<>(layers);
        Path dir = directory.orElseThrow(() -> new RulePackException("<bundled>", 0,
                "内置规则包不能重新加载 / the bundled pack cannot be reloaded"));
        Path sub = dir.resolve(code.toString());
        if (Files.isDirectory(sub)) {
            copy.put(code, LayerLoader.load(PackFiles.directory(sub), code.toString(), tables));
        } else if (code.equals(DivisionCode.NATIONAL)) {
            copy.put(code, LayerLoader.load(PackFiles.classpath(loader, BUNDLED_BASE + "/000000"), "000000", tables));
        } else {
            copy.remove(code);
        }
        PackRepository repo = new PackRepository(copy, directory, loader, tables);
        repo.checkParents();
        return repo;
    }
}
