package io.sxs.reporting;

import java.time.LocalDateTime;

/** An item whose sync is FAILED or BLOCKED, with the last outcome and the message that says what to fix. */
record FailingItemRow(String connectionId, String entity, String canonicalId, String scoroId, String xeroId,
                      String syncState, String lastOutcome, String message, LocalDateTime changedAtUtc) {
}
