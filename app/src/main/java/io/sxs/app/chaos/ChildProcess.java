package io.sxs.app.chaos;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One JVM of a chaos run, a real OS process: its console goes to a log file (appended across restarts, so a run's
 * log tells the whole story) and its last lines are kept for error messages. {@link #kill} is SIGKILL.
 */
final class ChildProcess {

    private static final int TAIL = 60;

    private final String name;
    private final Process process;
    private final Deque<String> tail = new ArrayDeque<>();
    private final Thread reader;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.reader = new Thread(() -> copyConsole(log), "chaos-console-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    static ChildProcess start(String name, List<String> command, Path log) {
        return start(name, command, Map.of(), log);
    }

    /** @param environment added to this JVM's (secrets go here rather than on a command line anyone can list) */
    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process p = builder.start();
            return new ChildProcess(name, p, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command.get(0), e);
        }
    }

    private void copyConsole(Path log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                     StandardOpenOption.CREATE, StandardOpenOption.APPEND), true)) {
            out.println("---- " + name + " started, pid " + process.pid());
            for (String line; (line = in.readLine()) != null; ) {
                out.println(line);
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > TAIL) {
                        tail.removeFirst();
                    }
                }
            }
            out.println("---- " + name + " ended");
        } catch (IOException e) {
            // the process ended, or the log cannot be written: the run goes on without it
        }
    }

    /** Waits for a console line (already printed or to come); fails with the console's tail if the process ends first. */
    String awaitLine(Predicate<String> matches, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (tail) {
                for (String line : tail) {
                    if (matches.test(line)) {
                        return line;
                    }
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " ended with " + process.exitValue() + ":\n" + tail());
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + ": no such line within " + timeout + ":\n" + tail());
    }

    String tail() {
        synchronized (tail) {
            return String.join("\n", tail);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    String name() {
        return name;
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye to the consumer group; returns once the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        reader.join(5_000);
    }

    /** SIGTERM (a clean shutdown), then SIGKILL after the grace period. */
    void stop(Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
