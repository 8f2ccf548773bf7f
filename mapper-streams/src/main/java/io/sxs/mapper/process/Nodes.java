package io.sxs.mapper.process;

/** Names of the topology's nodes and of the global connections store. */
public final class Nodes {

    public static final String CONNECTIONS_STORE = "connections";
    public static final String CONNECTIONS_SOURCE = "connections-source";
    public static final String CONNECTIONS_UPDATER = "connections-updater";
    public static final String CHANGES_SCORO_SOURCE = "changes-scoro-source";
    public static final String CHANGES_XERO_SOURCE = "changes-xero-source";
    public static final String RESULTS_SOURCE = "results-source";
    public static final String CHANGE_PROCESSOR = "change-processor";
    public static final String RESULT_PROCESSOR = "result-processor";
    public static final String COMMANDS_XERO_SINK = "commands-xero-sink";
    public static final String COMMANDS_SCORO_SINK = "commands-scoro-sink";
    public static final String HINTS_SINK = "source-hints-sink";
    public static final String SYNC_LOG_SINK = "sync-log-sink";

    private Nodes() {
    }
}
