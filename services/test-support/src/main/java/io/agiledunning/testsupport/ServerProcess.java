package io.agiledunning.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A server running in its own OS process, its output appended to {@code target/servers/<name>.log}
 * of the working directory. Stopping kills the whole process tree, because launch scripts such as
 * {@code kc.sh} fork the JVM that does the work.
 */
public final class ServerProcess {

    private final String name;
    private final Process process;
    private final Path log;

    private ServerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts the command; it is stopped when this JVM exits (see {@link Shutdown}). */
    public static ServerProcess start(String name, ProcessBuilder command) {
        Path log = logFile(name);
        command.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            ServerProcess server = new ServerProcess(name, command.start(), log);
            Shutdown.first(server::stop);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + name + " (" + String.join(" ", command.command()) + "): " + e.getMessage(), e);
        }
    }

    /** {@code target/servers/<name>.log} under the working directory, created empty-or-appended. */
    public static Path logFile(String name) {
        Path dir = Path.of("target", "servers").toAbsolutePath();
        try {
            Files.createDirectories(dir);
            Path log = dir.resolve(name + ".log");
            Files.writeString(log, "---- " + java.time.Instant.now() + " starting " + name + System.lineSeparator(),
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the log of " + name + " in " + dir, e);
        }
    }

    /**
     * Polls {@code ready} until it holds. Fails early, naming the exit code and the log, when the
     * process dies; fails after {@code timeout} with the log's last lines.
     */
    public void awaitReady(Duration timeout, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + " before it was ready; see " + log + "\n" + logTail());
            }
            if (System.nanoTime() > deadline) {
                stop();
                throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds()
                        + " s; see " + log + "\n" + logTail());
            }
            sleep(250);
        }
    }

    /** For one-off commands (a build step): waits for the exit and fails, naming the log, unless it is 0. */
    public void awaitSuccess(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop();
                throw new IllegalStateException(name + " did not finish within " + timeout.toSeconds() + " s; see " + log + "\n" + logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name, e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(name + " failed with exit code " + process.exitValue() + "; see " + log + "\n" + logTail());
        }
    }

    public boolean logContains(String text) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8).contains(text);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    /** Terminates the process and its descendants (gracefully, then forcibly after 20 s). */
    public void stop() {
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) { // a JVM recording its AOT cache writes it on exit
                process.destroyForcibly();
            }
            for (ProcessHandle child : tree) {
                child.onExit().get(20, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            tree.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a server", e);
        }
    }
}
