package io.sxs.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.Map;

/** A sync run followed on the console: a progress bar over its passes, and per entity what was read and written. */
final class Runs {

    private static final int BAR = 30;

    private Runs() {
    }

    static int follow(PrintWriter out, ControlApiClient api, String connection, JsonNode run, boolean follow, long timeoutSeconds)
            throws InterruptedException {
        String runId = run.path("runId").asText();
        if ("RUNNING".equals(run.path("state").asText()) || !follow) {
            out.printf("Run %s of %s %s%s%n", runId, connection, "RUNNING".equals(run.path("state").asText()) ? "started"
                    : run.path("state").asText().toLowerCase(), run.path("full").asBoolean() ? " (re-sync)" : "");
            out.flush();
        }
        if (!follow) {
            out.printf("Follow it with: sync status %s %s --follow%n", connection, runId);
            out.flush();
            return 0;
        }
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        String last = null;
        while (true) {
            JsonNode view = api.get("/api/connections/" + SxsCli.enc(connection) + "/runs/" + SxsCli.enc(runId));
            String line = progress(view);
            if (!line.equals(last)) {
                out.println(line);
                out.flush();
                last = line;
            }
            if ("DONE".equals(view.path("state").asText())) {
                summary(out, view);
                return failed(view) > 0 ? 1 : 0;
            }
            if (System.nanoTime() > deadline) {
                out.printf("Still running after %d s; it goes on without this command.%n", timeoutSeconds);
                out.flush();
                return 4;
            }
            Thread.sleep(500);
        }
    }

    /** e.g. {@code [#################.............] 3/5 passes  read 120  written 118  waiting 2} */
    static String progress(JsonNode view) {
        int total = view.path("passesTotal").asInt();
        int pending = view.path("passesPending").size();
        boolean done = "DONE".equals(view.path("state").asText());
        double share = done ? 1.0 : total == 0 ? 0.0 : (total - pending) / (double) total * 0.95;
        int filled = (int) Math.round(share * BAR);
        long read = 0;
        long written = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = view.path("entities").fields(); it.hasNext(); ) {
            JsonNode c = it.next().getValue();
            read += c.path("read").asLong();
            written += c.path("written").asLong();
        }
        return String.format("[%s%s] %3d%%  passes %d/%d  read %d  written %d  waiting %d", "#".repeat(filled),
                ".".repeat(BAR - filled), Math.round(share * 100), total - pending, total, read, written,
                view.path("waiting").asInt());
    }

    private static long failed(JsonNode view) {
        long failed = 0;
        for (JsonNode c : view.path("entities")) {
            failed += c.path("failed").asLong();
        }
        return failed;
    }

    private static void summary(PrintWriter out, JsonNode view) {
        Table t = new Table("ENTITY", "READ", "WRITTEN", "SKIPPED", "FAILED");
        view.path("entities").fields().forEachRemaining(e -> t.row(e.getKey(), e.getValue().path("read").asLong(),
                e.getValue().path("written").asLong(), e.getValue().path("skipped").asLong(), e.getValue().path("failed").asLong()));
        t.print(out);
        out.printf("Run %s done: %d command(s), %d result(s)%n", view.path("runId").asText(), view.path("commandsIssued").asLong(),
                view.path("results").asLong());
        out.flush();
    }
}
