package io.sxs.connector.scoro.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.connector.connection.ConnectionContext;
import io.sxs.connector.scoro.ScoroConnector;
import io.sxs.connector.scoro.client.ScoroClient;
import io.sxs.connector.scoro.client.ScoroClientSettings;
import io.sxs.connector.scoro.client.ScoroJson;
import io.sxs.connector.scoro.contact.ScoroContactMapper;
import io.sxs.connector.scoro.support.Commands;
import io.sxs.connector.scoro.support.StubScoro;
import io.sxs.connector.scoro.support.TestConnections;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.entity.Contact;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.CommandAction;
import io.sxs.schemas.envelope.ResultStatus;
import io.sxs.schemas.envelope.WriteResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A create whose reply was lost: the retry looks up first and finds the contact instead of creating it again. */
class ScoroWriterFaultsTest {

    private final StubScoro stub = new StubScoro();
    private final ConnectionContext ctx = TestConnections.scoro("c1", stub.siteUrl(), "acme", "key");
    private final ScoroConnector connector = ScoroConnector.create(ScoroClientSettings.fast());

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void lostCreateReplyIsRecoveredByLookupNotBySecondCreate() throws Exception {
        Contact contact = Contact.newBuilder().setId("x").setName("Lost Reply Ltd").setStatus(RecordStatus.ACTIVE).build();
        // What Scoro stored from the first (unanswered) create.
        var stored = ScoroContactMapper.toRequest(contact, "XERO-xero-7").deepCopy()
                .put("contact_id", 31).put("modified_date", "2026-03-01T10:00:00+00:00").put("is_deleted", 0);
        stub.reply(502, "<html>gateway</html>")         // create (a first attempt: no lookup): committed, reply lost
                .ok("[" + ScoroJson.write(stored) + "]"); // the retry looks first and finds it

        WriteResult r = connector.writer().write(ctx, List.of(
                Commands.of("c1", EntityType.CONTACT, CommandAction.CREATE, null, "xero-7", contact))).get(0);

        assertThat(r.getStatus()).as(r.getMessage()).isEqualTo(ResultStatus.OK);
        assertThat(r.getTargetId()).isEqualTo("31");
        assertThat(r.getApiCalls()).isEqualTo(2);
        assertThat(stub.requests()).extracting(StubScoro.Request::path)
                .containsExactly("/api/v2/contacts/modify", "/api/v2/contacts/list");
        assertThat(ScoroJson.parse(stub.requests().get(1).body()).at("/filter/reference_no").asText()).isEqualTo("XERO-xero-7");
    }

    @Test
    void aCreateThatMayAlreadyExistLooksFirst() throws Exception {
        Contact contact = Contact.newBuilder().setId("x").setName("Maybe Ltd").setStatus(RecordStatus.ACTIVE).build();
        var stored = ScoroContactMapper.toRequest(contact, "XERO-xero-9").deepCopy()
                .put("contact_id", 41).put("modified_date", "2026-03-01T10:00:00+00:00").put("is_deleted", 0);
        Command maybe = Commands.of("c1", EntityType.CONTACT, CommandAction.CREATE, null, "xero-9", contact);
        maybe.setMayExist(true);
        stub.ok("[]")                                   // lookup: not there
                .ok(ScoroJson.write(stored));           // create

        WriteResult r = connector.writer().write(ctx, List.of(maybe)).get(0);

        assertThat(r.getStatus()).as(r.getMessage()).isEqualTo(ResultStatus.OK);
        assertThat(stub.requests()).extracting(StubScoro.Request::path)
                .containsExactly("/api/v2/contacts/list", "/api/v2/contacts/modify");
    }

    @Test
    void theLookupReadsEveryPageTheKeyPreSelectsBeforeItCreates() throws Exception {
        Contact contact = Contact.newBuilder().setId("x").setName("Page Two Ltd").setStatus(RecordStatus.ACTIVE).build();
        var stored = ScoroContactMapper.toRequest(contact, "XERO-xero-9").deepCopy()
                .put("contact_id", 41).put("modified_date", "2026-03-01T10:00:00+00:00").put("is_deleted", 0);
        // A full first page of other items the key also pre-selects (a receipts' date can pre-select hundreds).
        StringBuilder page1 = new StringBuilder("[");
        for (int i = 0; i < ScoroClient.MAX_PER_PAGE; i++) {
            page1.append(i == 0 ? "" : ",").append(ScoroJson.write(stored.deepCopy().put("contact_id", 1000 + i)
                    .put("reference_no", "XERO-other-" + i).put("name", "Other " + i)));
        }
        Command maybe = Commands.of("c1", EntityType.CONTACT, CommandAction.CREATE, null, "xero-9", contact);
        maybe.setMayExist(true);
        stub.ok(page1.append("]").toString())          // lookup, page 1: full, and not there
                .ok("[" + ScoroJson.write(stored) + "]"); // page 2: there

        WriteResult r = connector.writer().write(ctx, List.of(maybe)).get(0);

        assertThat(r.getStatus()).as(r.getMessage()).isEqualTo(ResultStatus.OK);
        assertThat(r.getTargetId()).isEqualTo("41");
        assertThat(stub.requests()).extracting(StubScoro.Request::path)
                .containsExactly("/api/v2/contacts/list", "/api/v2/contacts/list");
    }

    @Test
    void exhaustedRetriesAreRetryable() {
        Contact contact = Contact.newBuilder().setId("x").setName("Down Ltd").setStatus(RecordStatus.ACTIVE).build();
        for (int i = 0; i < 10; i++) {
            stub.reply(503, "busy");
        }

        WriteResult r = connector.writer().write(ctx, List.of(
                Commands.of("c1", EntityType.CONTACT, CommandAction.UPDATE, "5", "xero-8", contact))).get(0);

        assertThat(r.getStatus()).isEqualTo(ResultStatus.RETRYABLE);
        assertThat(r.getApiCalls()).isEqualTo(ScoroClientSettings.fast().maxAttempts());
    }
}
