package io.sxs.app.chaos;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a chaos run starts its JVMs: the app (broker or pipeline, by its settings) and the sandboxes. From the built
 * jars ({@code java -jar scoro-xero-sync.jar}, {@code java -jar sandbox-exec.jar}), or from a class path holding both
 * main classes (a test JVM's own, which exists before the jars are packaged).
 */
record JavaCommands(List<String> app, List<String> sandboxes) {

    static final String APP_MAIN = "io.sxs.app.ScoroXeroSyncApplication";
    static final String SANDBOX_MAIN = "io.sxs.sandbox.SandboxMain";
    /** Small heaps: four JVMs share the machine with the run itself. */
    private static final List<String> JVM = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    static JavaCommands ofJars(Path appJar, Path sandboxJar) {
        for (Path jar : List.of(appJar, sandboxJar)) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalArgumentException(jar + " does not exist: build the jars first (mvn -B -q -DskipTests package)");
            }
        }
        return new JavaCommands(java("-jar", appJar.toString()), java("-jar", sandboxJar.toString()));
    }

    static JavaCommands ofClassPath(String classPath) {
        return new JavaCommands(java("-cp", classPath, APP_MAIN), java("-cp", classPath, SANDBOX_MAIN));
    }

    /**
     * The commands of this JVM: started as {@code java -jar scoro-xero-sync.jar chaos}, its class path is the app jar,
     * and the sandboxes' jar is the one given (or found next to it, or where the build puts it); otherwise (a test) the
     * class path has both main classes.
     */
    static JavaCommands ofThisJvm(Path sandboxJar) {
        String cp = System.getProperty("java.class.path");
        boolean singleJar = !cp.contains(File.pathSeparator) && cp.endsWith(".jar");
        if (!singleJar) {
            return ofClassPath(cp);
        }
        Path appJar = Path.of(cp).toAbsolutePath();
        return ofJars(appJar, sandboxJar != null ? sandboxJar : findSandboxJar(appJar));
    }

    private static Path findSandboxJar(Path appJar) {
        Path dir = appJar.getParent();
        Path beside = dir.resolve("sandbox-exec.jar");
        if (Files.isRegularFile(beside)) {
            return beside; // the image puts both jars in one folder
        }
        return dir.resolve("../../sandbox/target/sandbox-exec.jar").normalize(); // app/target and sandbox/target of a build
    }

    /** The app's command with settings as {@code --name=value} arguments (Spring Boot reads them first). */
    List<String> app(Map<String, ?> settings) {
        List<String> command = new ArrayList<>(app);
        settings.forEach((k, v) -> command.add("--" + k + "=" + v));
        return command;
    }

    List<String> sandboxes(Map<String, ?> options) {
        List<String> command = new ArrayList<>(sandboxes);
        options.forEach((k, v) -> command.add("--" + k + "=" + v));
        return command;
    }

    private static List<String> java(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM);
        command.addAll(List.of(args));
        return command;
    }
}
