package io.sxs.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The command line over the control API, in the app's own jar: {@code java -jar scoro-xero-sync.jar connections list}.
 * It talks HTTP to a running app ({@code --url}, default http://localhost:18080) with the operator token
 * ({@code --token}, {@code SXS_TOKEN}, or the embedded default's {@code ./sxs-data/operator.token}).
 */
@Command(name = "scoro-xero-sync", mixinStandardHelpOptions = true, version = "scoro-xero-sync 0.1.0",
        description = "Operate a running scoro-xero-sync: connections, sync runs, errors and record histories.",
        subcommands = {SxsCli.Connections.class, SxsCli.Sync.class, SxsCli.Resync.class, SxsCli.Errors.class, SxsCli.Check.class,
                SxsCli.History.class, SxsCli.Replay.class, SxsCli.XeroConnect.class, io.sxs.app.chaos.ChaosCommand.class})
public final class SxsCli {

    /** The first words that make the jar a CLI rather than the app. */
    public static final Set<String> COMMANDS = Set.of("connections", "sync", "resync", "errors", "history", "replay", "check", "xero", "chaos",
            "--help", "-h", "--version", "-V");

    /** True when the arguments are a CLI command (its global options may come first), not the app's settings. */
    public static boolean isCli(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--url") || a.equals("--token") || a.equals("--token-file")) {
                i++;
            } else {
                return COMMANDS.contains(a);
            }
        }
        return false;
    }

    @Option(names = "--url", description = "The app's control address (default: $SXS_URL or http://localhost:18080).")
    String url;

    @Option(names = "--token", description = "The operator token (default: $SXS_TOKEN, or the token file).")
    String token;

    @Option(names = "--token-file", description = "Where the embedded default keeps its generated token.",
            defaultValue = "./sxs-data/operator.token")
    Path tokenFile;

    @Spec
    CommandLine.Model.CommandSpec spec;

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new SxsCli());
        cli.setOut(out).setErr(err);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("error: " + e.getMessage());
            line.getErr().flush();
            return e instanceof ControlApiClient.ApiError api && api.status == 404 ? 3 : 2;
        });
        return cli.execute(args);
    }

    ControlApiClient api() {
        String base = url != null ? url : System.getenv().getOrDefault("SXS_URL", "http://localhost:18080");
        String t = token != null ? token : System.getenv("SXS_TOKEN");
        if ((t == null || t.isBlank()) && Files.isReadable(tokenFile)) {
            try {
                t = Files.readString(tokenFile).trim();
            } catch (IOException e) {
                throw new ControlApiClient.ApiError(0, "cannot read " + tokenFile + ": " + e.getMessage());
            }
        }
        return new ControlApiClient(base, t);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String text(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null : n.asText();
    }

    @Command(name = "connections", description = "List, show, add, change, pause, resume and remove connections.",
            subcommands = {Connections.ListCmd.class, Connections.Show.class, Connections.Add.class, Connections.Set.class,
                    Connections.Pause.class, Connections.Resume.class, Connections.Remove.class})
    static final class Connections {
        @ParentCommand
        SxsCli root;

        @Command(name = "list", description = "Every connection with its state, errors and budgets.")
        static final class ListCmd implements Callable<Integer> {
            @ParentCommand
            Connections parent;

            @Override
            public Integer call() {
                JsonNode list = parent.root.api().get("/api/connections");
                Table t = new Table("ID", "STATE", "LAG", "MODE", "INVOICES", "CONTACTS", "ERRORS", "XERO CALLS LEFT TODAY", "PROBLEM");
                for (JsonNode c : list) {
                    JsonNode lag = c.path("lag");
                    t.row(c.path("id").asText(), c.path("state").asText(),
                            lag.isObject() ? seconds(lag.path("lagMs").asLong()) : null, c.path("syncMode").asText(),
                            c.path("directions").path("INVOICE").asText(), c.path("contacts").asText(),
                            c.path("errorCount").asInt(), budget(c, "XERO"),
                            c.path("problems").isEmpty() ? null : c.path("problems").get(0).asText());
                }
                t.print(parent.root.out());
                return 0;
            }
        }

        @Command(name = "show", description = "One connection: settings, state per system, budgets, last error.")
        static final class Show implements Callable<Integer> {
            @ParentCommand
            Connections parent;
            @Parameters(paramLabel = "ID")
            String id;

            @Override
            public Integer call() {
                print(parent.root.out(), parent.root.api().get("/api/connections/" + enc(id)));
                return 0;
            }
        }

        @Command(name = "add", description = "Connect a Scoro company and a Xero organisation (checked with one Scoro call).")
        static final class Add implements Callable<Integer> {
            @ParentCommand
            Connections parent;
            @Option(names = "--id") String id;
            @Option(names = "--name") String name;
            @Option(names = "--scoro-site", required = true, description = "e.g. https://yourcompany.scoro.com") String site;
            @Option(names = "--scoro-company", required = true, description = "company_account_id") String company;
            @Option(names = "--scoro-api-key", required = true, interactive = true, arity = "0..1") String apiKey;
            @Option(names = "--xero-tenant", required = true, description = "the organisation's tenant id") String tenant;
            @Option(names = "--xero-grant", description = "the grant from `xero connect`") String grant;
            @Option(names = "--xero-access-token", description = "instead of a grant") String accessToken;
            @Option(names = "--xero-api-url") String apiUrl;
            @CommandLine.Mixin Settings settings;

            @Override
            public Integer call() {
                Map<String, Object> xero = new LinkedHashMap<>();
                xero.put("tenantId", tenant);
                xero.put("grant", grant);
                xero.put("accessToken", accessToken);
                xero.put("apiBaseUrl", apiUrl);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("id", id);
                body.put("name", name);
                body.put("scoro", Map.of("siteUrl", site, "companyAccountId", company, "apiKey", apiKey));
                body.put("xero", xero);
                body.put("settings", settings.body());
                JsonNode c = parent.root.api().post("/api/connections", body);
                parent.root.out().println("Connection " + c.path("id").asText() + " added (" + c.path("state").asText() + ")");
                parent.root.out().flush();
                return 0;
            }
        }

        @Command(name = "set", description = "Change a connection's settings.")
        static final class Set implements Callable<Integer> {
            @ParentCommand
            Connections parent;
            @Parameters(paramLabel = "ID")
            String id;
            @CommandLine.Mixin Settings settings;

            @Override
            public Integer call() {
                print(parent.root.out(), parent.root.api().patch("/api/connections/" + enc(id), settings.body()));
                return 0;
            }
        }

        @Command(name = "pause", description = "Stop reading and writing (nothing is lost; resume catches up).")
        static final class Pause implements Callable<Integer> {
            @ParentCommand
            Connections parent;
            @Parameters(paramLabel = "ID")
            String id;

            @Override
            public Integer call() {
                return parent.said(id, parent.root.api().post("/api/connections/" + enc(id) + "/pause", null));
            }
        }

        @Command(name = "resume", description = "Start reading and writing again.")
        static final class Resume implements Callable<Integer> {
            @ParentCommand
            Connections parent;
            @Parameters(paramLabel = "ID")
            String id;

            @Override
            public Integer call() {
                return parent.said(id, parent.root.api().post("/api/connections/" + enc(id) + "/resume", null));
            }
        }

        @Command(name = "remove", description = "Remove a connection. Its ID map and history are kept, so the same id "
                + "added again carries on without writing anything twice; --drop-id-map forgets its ID map, cursors and "
                + "saved credentials too (also of a connection removed before), and the same id added again syncs as new.")
        static final class Remove implements Callable<Integer> {
            @ParentCommand
            Connections parent;
            @Parameters(paramLabel = "ID")
            String id;
            @Option(names = "--drop-id-map", description = "Also drop its ID map, cursors and saved credentials.")
            boolean dropIdMap;

            @Override
            public Integer call() {
                return parent.said(id, parent.root.api().delete("/api/connections/" + enc(id)
                        + (dropIdMap ? "?idMap=drop" : "")));
            }
        }

        /** Prints the state a pause, resume or remove left the connection in. */
        int said(String id, JsonNode connection) {
            root.out().println("Connection " + id + " " + connection.path("state").asText());
            root.out().flush();
            return 0;
        }

        private static String seconds(long ms) {
            return ms < 10_000 ? String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0) : (ms / 1000) + "s";
        }

        private static String budget(JsonNode c, String system) {
            for (JsonNode s : c.path("systems")) {
                if (system.equals(s.path("system").asText())) {
                    return s.path("budget").path("dayRemaining").asText();
                }
            }
            return null;
        }

        static void print(PrintWriter out, JsonNode c) {
            out.printf("%s (%s)%n", c.path("id").asText(), c.path("name").asText());
            out.printf("  state        %s%n", c.path("state").asText());
            for (JsonNode p : c.path("problems")) {
                out.printf("  problem      %s%n", p.asText());
            }
            out.printf("  Scoro        %s company %s%n", c.path("scoroSite").asText(), c.path("scoroCompanyAccountId").asText());
            out.printf("  Xero         organisation %s%n", c.path("xeroTenantId").asText());
            out.printf("  mode         %s, polls every %d ms, contacts %s, tracking %s%n", c.path("syncMode").asText(),
                    c.path("pollIntervalMs").asLong(), c.path("contacts").asText(), text(c.path("trackingCategory")));
            out.printf("  directions   %s%n", c.path("directions"));
            JsonNode lag = c.path("lag");
            if (lag.isObject()) {
                out.printf("  lag          %s (%d writes in flight, %d items waiting for a dependency%s)%n",
                        seconds(lag.path("lagMs").asLong()), lag.path("commandsInFlight").asInt(), lag.path("itemsWaiting").asInt(),
                        lag.path("lastWriteMs").isNumber() ? "; the last write took " + lag.path("lastWriteMs").asLong() + " ms" : "");
            }
            for (JsonNode s : c.path("systems")) {
                out.printf("  %-12s pre-flight %s, queued commands %d, budget %s%n", s.path("system").asText(),
                        s.path("preflight").asText(), s.path("queuedCommands").asInt(), s.path("budget"));
                s.path("lastPoll").fields().forEachRemaining(e -> out.printf("    %-20s last poll %s, cursor %s%n", e.getKey(),
                        e.getValue().asText(), text(s.path("cursors").path(e.getKey()))));
            }
            out.printf("  errors       %d%s%n", c.path("errorCount").asInt(), c.path("lastError").isNull() ? ""
                    : " (last: " + c.path("lastError").path("kind").asText() + " " + c.path("lastError").path("message").asText() + ")");
            out.flush();
        }
    }

    /** The settings a person may give when adding or changing a connection. */
    static final class Settings {
        @Option(names = "--invoices", description = "TO_XERO, TO_SCORO or OFF") String invoices;
        @Option(names = "--bills") String bills;
        @Option(names = "--items") String items;
        @Option(names = "--contacts", description = "FROM_SCORO, TO_SCORO or WITH_DOCUMENTS") String contacts;
        @Option(names = "--tracking-category") String tracking;
        @Option(names = "--poll-interval-ms") Long pollInterval;
        @Option(names = "--mode", description = "AUTOMATIC or MANUAL") String mode;
        @Option(names = "--rename") String name;

        Map<String, Object> body() {
            Map<String, Object> out = new LinkedHashMap<>();
            Map<String, String> directions = new LinkedHashMap<>();
            if (invoices != null) {
                directions.put("INVOICE", invoices);
            }
            if (bills != null) {
                directions.put("BILL", bills);
            }
            if (items != null) {
                directions.put("ITEM", items);
            }
            if (!directions.isEmpty()) {
                out.put("directions", directions);
            }
            out.put("contacts", contacts);
            out.put("trackingCategory", tracking);
            out.put("pollIntervalMs", pollInterval);
            out.put("syncMode", mode);
            out.put("name", name);
            return out;
        }
    }

    @Command(name = "sync", description = "Sync runs.", subcommands = {Sync.RunCmd.class, Sync.Status.class})
    static final class Sync {
        @ParentCommand
        SxsCli root;

        @Command(name = "run", description = "Start a sync run now (a MANUAL connection syncs only in runs).")
        static final class RunCmd implements Callable<Integer> {
            @ParentCommand
            Sync parent;
            @Parameters(paramLabel = "CONNECTION")
            String id;
            @Option(names = {"-e", "--entity"}, description = "only these entities (and what they reference)")
            List<String> entities = new ArrayList<>();
            @Option(names = "--full", description = "re-sync from the start, writing every item again")
            boolean full;
            @Option(names = {"-f", "--follow"}, description = "show its progress until it is done")
            boolean follow;
            @Option(names = "--timeout-s", defaultValue = "600")
            long timeout;

            @Override
            public Integer call() throws InterruptedException {
                ControlApiClient api = parent.root.api();
                JsonNode run = api.post("/api/connections/" + enc(id) + "/runs", Map.of("entities", entities, "full", full));
                return Runs.follow(parent.root.out(), api, id, run, follow, timeout);
            }
        }

        @Command(name = "status", description = "A run's progress (with --follow until it is done).")
        static final class Status implements Callable<Integer> {
            @ParentCommand
            Sync parent;
            @Parameters(index = "0", paramLabel = "CONNECTION")
            String id;
            @Parameters(index = "1", paramLabel = "RUN")
            String runId;
            @Option(names = {"-f", "--follow"})
            boolean follow;

            @Override
            public Integer call() throws InterruptedException {
                ControlApiClient api = parent.root.api();
                JsonNode run = api.get("/api/connections/" + enc(id) + "/runs/" + enc(runId));
                if (!follow) {
                    parent.root.out().println(Runs.progress(run) + "  " + run.path("state").asText());
                    parent.root.out().flush();
                    return 0;
                }
                return Runs.follow(parent.root.out(), api, id, run, true, 600);
            }
        }
    }

    @Command(name = "resync", description = "Write a record, an entity or the whole connection again.")
    static final class Resync implements Callable<Integer> {
        @ParentCommand
        SxsCli root;
        @Parameters(paramLabel = "CONNECTION")
        String id;
        @Option(names = {"-e", "--entity"}) String entity;
        @Option(names = {"-r", "--record"}, description = "an id in either system, or the record's number") String record;
        @Option(names = "--system", description = "SCORO or XERO (default: the system that owns the entity)") String system;
        @Option(names = {"-f", "--follow"}) boolean follow;

        @Override
        public Integer call() throws InterruptedException {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("entity", entity);
            body.put("record", record);
            body.put("system", system);
            ControlApiClient api = root.api();
            return Runs.follow(root.out(), api, id, api.post("/api/connections/" + enc(id) + "/resync", body), follow, 600);
        }
    }

    @Command(name = "errors", description = "The errors standing now, newest first.")
    static final class Errors implements Callable<Integer> {
        @ParentCommand
        SxsCli root;
        @Option(names = {"-c", "--connection"}) String connection;
        @Option(names = {"-e", "--entity"}) String entity;
        @Option(names = {"-k", "--kind"}, description = "REJECTED, BLOCKED, FAILED, INVALID_INPUT, DEPENDENCY_MISSING") String kind;
        @Option(names = "--limit", defaultValue = "50") int limit;

        @Override
        public Integer call() {
            StringBuilder q = new StringBuilder("/api/errors?limit=").append(limit);
            if (connection != null) {
                q.append("&connection=").append(enc(connection));
            }
            if (entity != null) {
                q.append("&entity=").append(enc(entity));
            }
            if (kind != null) {
                q.append("&kind=").append(enc(kind));
            }
            JsonNode list = root.api().get(q.toString());
            Table t = new Table("AT", "CONNECTION", "ENTITY", "SYSTEM", "ID", "KIND", "MESSAGE");
            for (JsonNode e : list) {
                t.row(e.path("at").asText(), e.path("connectionId").asText(), e.path("entity").asText(), e.path("system").asText(),
                        text(e.path("itemId")), e.path("kind").asText(), e.path("message").asText());
            }
            t.print(root.out());
            root.out().printf("%d error(s)%s%n", list.size(), list.isEmpty() ? ""
                    : "; `history CONNECTION ENTITY ID` tells a record's story, `resync CONNECTION -e ENTITY -r ID` writes it again");
            root.out().flush();
            return 0;
        }
    }

    @Command(name = "check", description = "Whether both systems agree for a connection, read in full through their APIs "
            + "(costs every list page of the synced entities on both sides): missing items, duplicates, differences.")
    static final class Check implements Callable<Integer> {
        @ParentCommand
        SxsCli root;
        @Parameters(paramLabel = "CONNECTION") String connection;

        @Override
        public Integer call() {
            JsonNode report = root.api().get("/api/connections/" + enc(connection) + "/convergence");
            Table t = new Table("ENTITY", "OWNER", "SCORO", "XERO", "MISSING", "DUPLICATES", "DIFFERENCES");
            for (JsonNode e : report.path("entities")) {
                t.row(e.path("entity").asText(), e.path("owner").asText(), e.path("scoro").asInt(), e.path("xero").asInt(),
                        e.path("missing").size(), e.path("duplicates").size(), e.path("differences").size());
            }
            t.print(root.out());
            for (JsonNode e : report.path("entities")) {
                for (String list : List.of("missing", "duplicates", "differences")) {
                    e.path(list).forEach(line -> root.out().println("  " + list + ": " + line.asText()));
                }
            }
            boolean converged = report.path("converged").asBoolean();
            root.out().println(converged ? "Converged: 0 missing, 0 duplicates, 0 differences"
                    : "Not converged: " + report.path("missing").asInt() + " missing, " + report.path("duplicates").asInt()
                            + " duplicates, " + report.path("differences").asInt() + " differences");
            root.out().flush();
            return converged ? 0 : 1;
        }
    }

    @Command(name = "history", description = "Every read, decision, command and result of one record, in order.")
    static final class History implements Callable<Integer> {
        @ParentCommand
        SxsCli root;
        @Parameters(index = "0", paramLabel = "CONNECTION") String connection;
        @Parameters(index = "1", paramLabel = "ENTITY") String entity;
        @Parameters(index = "2", paramLabel = "ID-OR-NUMBER") String record;

        @Override
        public Integer call() {
            JsonNode h = root.api().get("/api/connections/" + enc(connection) + "/history/" + enc(entity) + "/" + enc(record));
            PrintWriter out = root.out();
            out.printf("History of %s %s on %s: ids %s%n", entity.toLowerCase(), record, connection, h.path("ids"));
            Table t = new Table("AT", "STEP", "SYSTEM", "ID", "CAUSE", "WHAT", "DETAIL");
            for (JsonNode s : h.path("steps")) {
                t.row(s.path("at").asText(), s.path("kind").asText(), text(s.path("system")), text(s.path("itemId")),
                        text(s.path("cause")), s.path("outcome").asText(), text(s.path("message")));
            }
            t.print(out);
            if (h.path("steps").isEmpty()) {
                out.println("Nothing was ever read for it on this connection.");
                out.flush();
                return 3;
            }
            return 0;
        }
    }

    @Command(name = "replay", description = "Rebuild a connection's ID map and merged view from its topics into a fresh "
            + "folder (on the app's machine) and compare them with the live ones; exit 1 when they differ.")
    static final class Replay implements Callable<Integer> {
        @ParentCommand
        SxsCli root;
        @Parameters(index = "0", paramLabel = "CONNECTION") String connection;
        @Option(names = "--into", paramLabel = "FOLDER", description = "Where to rebuild (new or empty; default: a new "
                + "folder under the app's data folder)") String into;
        @Option(names = "--compare", paramLabel = "FOLDER", description = "Compare a folder rebuilt before, without "
                + "rebuilding") String compare;

        @Override
        public Integer call() {
            JsonNode r = compare != null
                    ? root.api().post("/api/connections/" + enc(connection) + "/replay/compare", Map.of("folder", compare))
                    : root.api().post("/api/connections/" + enc(connection) + "/replay",
                            into == null ? Map.of() : Map.of("folder", into));
            PrintWriter out = root.out();
            out.printf("Replay of %s in %s: %d logged inputs, %d commands re-issued; %d ID map entries, %d view items%n",
                    connection, r.path("folder").asText(), r.path("inputs").asInt(), r.path("commands").asInt(),
                    r.path("idMapItems").asInt(), r.path("viewItems").asInt());
            r.path("differences").forEach(d -> out.println("  difference: " + d.asText()));
            int n = r.path("differences").size();
            out.println(n == 0 ? "The live ID map and view follow from the log: 0 differences" : n + " differences");
            out.flush();
            return n == 0 ? 0 : 1;
        }
    }

    @Command(name = "xero", description = "Xero.", subcommands = XeroConnect.Connect.class)
    static final class XeroConnect {
        @ParentCommand
        SxsCli root;

        @Command(name = "connect", description = "The address where a person consents; the callback then shows the grant.")
        static final class Connect implements Callable<Integer> {
            @ParentCommand
            XeroConnect parent;

            @Override
            public Integer call() {
                JsonNode a = parent.root.api().get("/api/xero/authorize");
                PrintWriter out = parent.root.out();
                out.println("Open this address in a browser and consent (within " + a.path("expiresInMinutes").asInt() + " minutes):");
                out.println("  " + a.path("authorizeUrl").asText());
                out.println("The page it returns to names the grant and the organisations; then:");
                out.println("  connections add --xero-grant GRANT --xero-tenant TENANT --scoro-site ... --scoro-company ... --scoro-api-key");
                out.flush();
                return 0;
            }
        }
    }
}
