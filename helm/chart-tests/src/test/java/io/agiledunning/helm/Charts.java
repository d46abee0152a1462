package io.agiledunning.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The charts under helm/, and a prepared copy of them to render from.
 * <p>
 * The service charts link the library chart (charts/agile-dunning-lib is a symlink) and the umbrella needs
 * {@code helm dependency update} for its file:// dependencies. Both happen in a copy under target/, so a test run
 * leaves no Chart.lock or .tgz in the source tree.
 */
final class Charts {

    static final String UMBRELLA = "agile-dunning";
    static final String LIBRARY = "agile-dunning-lib";
    static final List<String> SERVICES = List.of("onboarding", "cases", "communications", "payments", "reporting");
    static final List<String> DEPLOYABLES = Stream.concat(SERVICES.stream(), Stream.of("frontend-api")).toList();
    static final List<String> ALL = Stream.concat(Stream.of(LIBRARY, UMBRELLA), DEPLOYABLES.stream()).toList();

    static final String RELEASE = "ad";
    static final String NAMESPACE = "dunning";

    private static Path work;

    private Charts() {
    }

    /** helm/ in the source tree. */
    static Path sourceDir() {
        String dir = System.getProperty("agiledunning.helm.dir");
        Path path = dir != null ? Path.of(dir) : Path.of("..");
        return path.toAbsolutePath().normalize();
    }

    /** The chart in the prepared copy (symlinks resolved, umbrella dependencies built). */
    static synchronized Path chart(String name) {
        if (work == null) {
            work = prepare();
        }
        return work.resolve(name);
    }

    /** The scenario files of a chart (its ci/*-values.yaml), from the source tree. */
    static List<Path> ciValues(String chart) {
        Path ci = sourceDir().resolve(chart).resolve("ci");
        if (!Files.isDirectory(ci)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(ci)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-values.yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String render(String chart, Path valuesFile, Map<String, String> sets) {
        TemplateCommand template = new Helm(chart(chart)).template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion("1.31.0");
        if (valuesFile != null) {
            template = template.withValuesFile(valuesFile);
        }
        for (var set : sets.entrySet()) {
            template = template.set(set.getKey(), set.getValue());
        }
        return template.call();
    }

    private static Path prepare() {
        Path source = sourceDir();
        String target = System.getProperty("agiledunning.helm.work");
        Path dest = (target != null ? Path.of(target) : source.resolve("chart-tests/target/helm-work")).toAbsolutePath();
        try {
            deleteRecursively(dest);
            for (String chart : ALL) {
                copyFollowingLinks(source.resolve(chart), dest.resolve(chart));
            }
            new Helm(dest.resolve(UMBRELLA)).dependency().update().skipRefresh().call();
            return dest;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyFollowingLinks(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from, FileVisitOption.FOLLOW_LINKS)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path rel = from.relativize(path);
                String name = path.getFileName().toString();
                if (name.endsWith(".tgz") || name.equals("Chart.lock")) {
                    continue; // build output of a local `helm dependency build`, rebuilt below
                }
                Path copy = to.resolve(rel.toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
