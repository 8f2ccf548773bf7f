package io.sxs.connector.xero.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.connector.connection.ConnectionContext;
import io.sxs.connector.source.ReadItem;
import io.sxs.connector.source.ReadPage;
import io.sxs.connector.xero.Fixtures;
import io.sxs.connector.xero.StubXeroServer;
import io.sxs.connector.xero.client.XeroClient;
import io.sxs.connector.xero.client.XeroRetrySettings;
import io.sxs.connector.xero.invoice.XeroInvoiceReader;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.entity.Contact;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.CommandAction;
import io.sxs.schemas.envelope.ResultStatus;
import io.sxs.schemas.envelope.WriteResult;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Writer and reader paths the sandbox cannot produce on demand: paid invoices, outages, malformed rows. */
class XeroCommandWriterStubTest {

    static final String ID = "243216c5-369e-4056-ac67-05388f86dc81";

    StubXeroServer stub;
    XeroClient client;
    ConnectionContext connection;

    @BeforeEach
    void setUp() throws Exception {
        stub = new StubXeroServer();
        client = new XeroClient(HttpClient.newHttpClient(), XeroRetrySettings.fast(), Clock.systemUTC());
        connection = Fixtures.connection("c1", stub.apiBase(), "tenant-1", "tok");
    }

    @AfterEach
    void tearDown() {
        stub.close();
    }

    static String invoice(String status, String paid, String credited) {
        return "{\"Invoices\":[{\"Type\":\"ACCREC\",\"InvoiceID\":\"" + ID + "\",\"InvoiceNumber\":\"INV-1\",\"Status\":\""
                + status + "\",\"Contact\":{\"ContactID\":\"c\"},\"DateString\":\"2024-05-01T00:00:00\",\"LineItems\":[],"
                + "\"SubTotal\":10.00,\"TotalTax\":0.00,\"Total\":10.00,\"AmountPaid\":" + paid + ",\"AmountCredited\":"
                + credited + ",\"AmountDue\":0.00,\"UpdatedDateUTC\":\"/Date(1714550400000+0000)/\"}]}";
    }

    static Command delete(String key) {
        return Command.newBuilder().setCommandId("cmd-" + key).setConnectionId("c1").setTargetSystem(SystemType.XERO)
                .setEntity(EntityType.INVOICE).setAction(CommandAction.DELETE).setTargetId(ID)
                .setSourceSystem(SystemType.SCORO).setSourceId("s-" + key).setSourceHash("h")
                .setIdempotencyKey(key).setIssuedAt(Instant.EPOCH).build();
    }

    static Command createContact(String key, String name) {
        return Command.newBuilder().setCommandId("cmd-" + key).setConnectionId("c1").setTargetSystem(SystemType.XERO)
                .setEntity(EntityType.CONTACT).setAction(CommandAction.CREATE)
                .setSourceSystem(SystemType.SCORO).setSourceId("s-" + key).setSourceHash("h")
                .setIdempotencyKey(key).setIssuedAt(Instant.EPOCH)
                .setPayload(Contact.newBuilder().setId("s-" + key).setName(name).setStatus(RecordStatus.ACTIVE).build())
                .build();
    }

    @Test
    void aThrottledBatchAndTheCommandsAfterItAreNotAttemptedNotFailed() {
        XeroClient paced = new XeroClient(HttpClient.newHttpClient(), XeroRetrySettings.paced(), Clock.systemUTC());
        stub.reply(200, "{\"Contacts\":[{\"ContactID\":\"x1\",\"Name\":\"A\",\"ContactStatus\":\"ACTIVE\","
                + "\"StatusAttributeString\":\"OK\",\"UpdatedDateUTC\":\"/Date(1714550400000+0000)/\"}]}")
                .reply(429, "", java.util.Map.of("Retry-After", "30", "X-Rate-Limit-Problem", "minute"));
        List<WriteResult> results = new XeroCommandWriter(paced, 1).write(connection,
                List.of(createContact("k1", "A"), createContact("k2", "B"), createContact("k3", "C")));
        assertThat(results.get(0).getStatus()).isEqualTo(ResultStatus.OK);
        assertThat(results.subList(1, 3)).as("the 429 answered nothing: put back, not failed").containsOnlyNulls();
        assertThat(stub.received).as("nothing is sent after the 429").hasSize(2);
        assertThat(paced.budget("tenant-1").waitTime(io.sxs.connector.budget.Lane.WRITE))
                .as("the organisation waits out the Retry-After").isGreaterThan(java.time.Duration.ofSeconds(25));
    }

    @Test
    void paidOrAllocatedInvoicesAreBlockedWithTheReason() {
        stub.reply(200, invoice("PAID", "10.00", "0.00")).reply(200, invoice("AUTHORISED", "0.00", "4.00"));
        List<WriteResult> results = new XeroCommandWriter(client).write(connection, List.of(delete("k1"), delete("k2")));
        assertThat(results).extracting(WriteResult::getStatus).containsOnly(ResultStatus.BLOCKED);
        assertThat(results.get(0).getMessage()).isEqualTo("invoice INV-1 is PAID; delete its payments in Xero first");
        assertThat(results.get(1).getMessage()).contains("INV-1").contains("credited 4.00");
        assertThat(stub.received).extracting(StubXeroServer.Received::method).containsOnly("GET");
    }

    @Test
    void exhaustedRetriesAreRetryableAndAnAuthorisationFailureStopsTheRun() {
        for (int i = 0; i < XeroRetrySettings.fast().maxAttempts(); i++) {
            stub.reply(503, "down");
        }
        List<WriteResult> results = new XeroCommandWriter(client).write(connection,
                List.of(createContact("k1", "A"), createContact("k2", "B")));
        assertThat(results).extracting(WriteResult::getStatus).containsOnly(ResultStatus.RETRYABLE);
        assertThat(results.get(0).getApiCalls()).isEqualTo(XeroRetrySettings.fast().maxAttempts());
        assertThat(stub.received).extracting(r -> r.header("Idempotency-Key")).containsOnly(
                stub.received.get(0).header("Idempotency-Key"));

        stub.received.clear();
        stub.reply(401, "{\"Title\":\"Unauthorized\",\"Status\":401,\"Detail\":\"AuthorizationUnsuccessful\"}");
        List<WriteResult> refused = new XeroCommandWriter(client, 1).write(connection,
                List.of(createContact("k3", "C"), createContact("k4", "D")));
        assertThat(refused).extracting(WriteResult::getStatus).containsOnly(ResultStatus.UNAUTHORISED);
        assertThat(stub.received).hasSize(1);
    }

    @Test
    void aWholeBatchRefusalIsRetriedOneByOne() {
        stub.reply(400, "{\"ErrorNumber\":10,\"Type\":\"ValidationException\",\"Message\":\"A validation exception occurred\","
                        + "\"Elements\":[{\"ValidationErrors\":[{\"Message\":\"Something is wrong\"}]}]}")
                .reply(200, "{\"Contacts\":[{\"ContactID\":\"a\",\"Name\":\"A\",\"StatusAttributeString\":\"OK\","
                        + "\"UpdatedDateUTC\":\"/Date(1714550400000)/\"}]}")
                .reply(400, "{\"ErrorNumber\":10,\"Type\":\"ValidationException\",\"Message\":\"A validation exception occurred\","
                        + "\"Elements\":[{\"ValidationErrors\":[{\"Message\":\"Something is wrong\"}]}]}");
        List<WriteResult> results = new XeroCommandWriter(client).write(connection,
                List.of(createContact("k1", "A"), createContact("k2", "B")));
        assertThat(results).extracting(WriteResult::getStatus).containsExactly(ResultStatus.OK, ResultStatus.REJECTED);
        assertThat(results.get(0).getTargetId()).isEqualTo("a");
        assertThat(results.get(1).getErrors()).containsExactly("Something is wrong");
    }

    @Test
    void aMalformedRowDoesNotStopThePage() throws Exception {
        stub.reply(200, """
                {"Invoices":[
                  {"Type":"ACCREC","InvoiceID":"i1","Status":"DRAFT","Total":1.005,"UpdatedDateUTC":"/Date(1714550400000+0000)/"},
                  {"Type":"ACCREC","Status":"DRAFT","UpdatedDateUTC":"/Date(1714550401000+0000)/"},
                  {"Type":"ACCPAY","InvoiceID":"b1","Status":"DRAFT","UpdatedDateUTC":"/Date(1714550402000+0000)/"},
                  {"Type":"ACCREC","InvoiceID":"i3","Status":"DRAFT","Total":1.00,"UpdatedDateUTC":"/Date(1714550403000)/"}
                ]}""", Map.of());
        ReadPage page = new XeroInvoiceReader(client).read(connection, null, 1);
        assertThat(page.lastPage()).isTrue();
        assertThat(page.items()).hasSize(4);
        assertThat(page.items().get(0).invalidReason()).contains("Total 1.005 has more than 2 decimals");
        assertThat(page.items().get(0).sourceId()).isEqualTo("i1");
        assertThat(page.items().get(1).invalidReason()).contains("no InvoiceID");
        assertThat(page.items().get(2).entity()).as("a bill in the same page").isEqualTo(io.sxs.schemas.common.EntityType.BILL);
        ReadItem ok = page.items().get(3);
        assertThat(ok.invalidReason()).isNull();
        assertThat(ok.sourceVersion()).isEqualTo("/Date(1714550403000)/");
        assertThat(ok.modifiedAt()).isEqualTo(Instant.ofEpochMilli(1714550403000L));
        assertThat(stub.received.get(0).uri()).contains("page=1").contains("pageSize=1000")
                .contains("order=UpdatedDateUTC%20ASC").contains("unitdp=4");
        assertThat(stub.received.get(0).header("If-Modified-Since")).isNull();
    }
}
