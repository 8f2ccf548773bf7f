package io.sxs.bench.p2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The records the broker holds per topic: the bytes of its log segments. Indexes are left out: Kafka preallocates them
 * (10 MB per partition, sparse) and trims them when a segment rolls, so their file sizes say nothing about the data.
 */
final class TopicDisk {

    private static final Pattern PARTITION_DIR = Pattern.compile("(.+)-(\\d+)");

    private TopicDisk() {
    }

    static Map<String, Long> measure(Path logDir) {
        Map<String, Long> bytes = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(logDir)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Matcher m = PARTITION_DIR.matcher(dir.getFileName().toString());
                if (m.matches() && !m.group(1).startsWith("__")) {
                    bytes.merge(m.group(1), size(dir), Long::sum);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".log")).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }
}
