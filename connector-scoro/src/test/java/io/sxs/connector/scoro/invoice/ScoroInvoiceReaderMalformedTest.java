package io.sxs.connector.scoro.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.connector.connection.ConnectionContext;
import io.sxs.connector.scoro.ScoroConnector;
import io.sxs.connector.scoro.client.ScoroClientSettings;
import io.sxs.connector.scoro.support.FullReads;
import io.sxs.connector.scoro.support.StubScoro;
import io.sxs.connector.scoro.support.TestConnections;
import io.sxs.connector.source.ReadItem;
import io.sxs.connector.source.ReadPage;
import io.sxs.schemas.envelope.Operation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Malformed rows become invalid items with a reason; the rest of the page is still read. */
class ScoroInvoiceReaderMalformedTest {

    private final StubScoro stub = new StubScoro();
    private final ConnectionContext ctx = TestConnections.scoro("c1", stub.siteUrl(), "acme", "key");
    private final ScoroConnector connector = ScoroConnector.create(ScoroClientSettings.fast());

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void badRowsAreInvalidItemsNotExceptions() throws Exception {
        String good = "{'id':1,'no':'1','sum':'10.00','vat_sum':'2.00','is_sent':1,'modified_date':'2026-03-01 10:00:00','is_deleted':0,'lines':%s}";
        // Order of replies: list, view 1, view 3, view 4 (lines carry their own ids: no reference list is read).
        stub.ok(("[" + good.formatted("null") + ","
                        + "{'no':'2','modified_date':'2026-03-01 10:00:00','is_deleted':0},"
                        + "{'id':3,'modified_date':'2026-03-01 10:00:00','is_deleted':0},"
                        + "{'id':4,'modified_date':'2026-03-01 10:00:00','is_deleted':0},"
                        + "{'id':5,'modified_date':'2026-03-01 10:00:00','deleted_date':'2026-03-02T00:00:00+00:00','is_deleted':1,'sum':'x'}]")
                        .replace('\'', '"'))
                .ok(good.formatted("[{'id':7,'price':'10','amount':'1','sum':'10.00','vat':'20','vat_code_id':1,'finance_account_id':1}]").replace('\'', '"'))
                .ok("{\"id\":3,\"sum\":\"1.005\",\"modified_date\":\"2026-03-01 10:00:00\",\"lines\":[]}")
                .reply(200, "{\"status\":\"ERROR\",\"statusCode\":404,\"messages\":{\"error\":[\"Invoice 4 not found\"]}}");

        ReadPage listed = connector.invoiceReader().read(ctx, null, 1);
        assertThat(listed.items()).extracting(ReadItem::summary).as("lists lack lines: rows with an id are summaries")
                .containsExactly(true, false, true, true, false);
        ReadPage page = new ReadPage(FullReads.complete(connector.invoiceReader(), ctx, listed), true, 0);

        assertThat(page.items()).hasSize(5);
        ReadItem ok = page.items().get(0);
        assertThat(ok.invalidReason()).isNull();
        assertThat(ok.payload()).isNotNull();
        ReadItem noId = page.items().get(1);
        assertThat(noId.payload()).isNull();
        assertThat(noId.sourceId()).isEqualTo("missing-id@page 1 row 2");
        assertThat(noId.invalidReason()).contains("id is missing");
        ReadItem tooPrecise = page.items().get(2);
        assertThat(tooPrecise.invalidReason()).contains("invoice 3").contains("sum 1.005 has more than 2 decimals");
        ReadItem vanished = page.items().get(3);
        assertThat(vanished.operation()).isEqualTo(Operation.DELETE);
        ReadItem deletedUnreadable = page.items().get(4);
        assertThat(deletedUnreadable.operation()).isEqualTo(Operation.DELETE);
        assertThat(deletedUnreadable.sourceId()).isEqualTo("5");
        assertThat(deletedUnreadable.modifiedAt()).isEqualTo(java.time.Instant.parse("2026-03-02T00:00:00Z"));
        assertThat(listed.lastPage()).isTrue();
        assertThat(stub.requests()).as("one list, three views").hasSize(4);
    }
}
