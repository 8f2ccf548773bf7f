package io.sxs.connector.scoro.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.connector.scoro.support.Commands;
import io.sxs.connector.scoro.support.ScoroSandboxTestBase;
import io.sxs.connector.source.ReadItem;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.entity.Account;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.CommandAction;
import io.sxs.schemas.envelope.ResultStatus;
import io.sxs.schemas.envelope.WriteResult;
import io.sxs.schemas.hash.ContentHasher;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Xero accounts written to Scoro finance accounts, and read back, through real HTTP against the Scoro sandbox. */
class ScoroFinanceAccountsSandboxTest extends ScoroSandboxTestBase {



    private static Account xeroAccount(String id, String code, String name, boolean sales) {
        return Account.newBuilder().setId(id).setCode(code).setName(name).setType(sales ? "REVENUE" : "EXPENSE")
                .setStatus(RecordStatus.ACTIVE).setIsSales(sales).setIsPurchases(!sales).setTaxType("OUTPUT2").build();
    }

    private WriteResult write(CommandAction action, String targetId, String sourceId, Account account) {
        Command command = Commands.of(f.connection.connectionId(), EntityType.ACCOUNT, action, targetId, sourceId, account);
        return f.connector.writer().write(f.connection, List.of(command)).get(0);
    }

    private Map<String, Object> account(String symbol) {
        return sandbox.financeAccounts(f.companyId()).stream().filter(a -> symbol.equals(a.get("account_symbol")))
                .findFirst().orElse(null);
    }

    @Test
    void anAccountScoroAlreadyHasIsAdoptedWithoutACallAndAMissingOneIsCreated() throws Exception {
        WriteResult sales = write(CommandAction.CREATE, null, "x-200", xeroAccount("x-200", "200", "Sales", true));
        assertThat(sales.getStatus()).as(sales.getMessage()).isEqualTo(ResultStatus.OK);
        assertThat(sales.getTargetId()).isEqualTo(String.valueOf(account("200").get("id")));
        assertThat(f.calls("financeAccounts/modify")).isZero();

        WriteResult interest = write(CommandAction.CREATE, null, "x-270", xeroAccount("x-270", "270", "Interest Income", true));
        assertThat(interest.getStatus()).as(interest.getMessage()).isEqualTo(ResultStatus.OK);
        assertThat(account("270")).isNotNull();
        assertThat(interest.getApiCalls()).as("the code is unknown: the lists are re-read once, then one create").isLessThanOrEqualTo(3);
        ReadItem read = new ScoroFinanceAccountReader(f.connector.clients()).read(f.connection, null, 1).items().stream()
                .filter(i -> i.sourceId().equals(interest.getTargetId())).findFirst().orElseThrow();
        assertThat(ContentHasher.hash(read.payload())).as("the read-back is an echo").isEqualTo(interest.getWrittenHash());
    }

    @Test
    void aRemovedAccountIsDeactivatedAndAnAccountWithoutACodeIsRejectedByName() {
        WriteResult created = write(CommandAction.CREATE, null, "x-270", xeroAccount("x-270", "270", "Interest Income", true));
        WriteResult removed = write(CommandAction.DELETE, created.getTargetId(), "x-270", null);
        assertThat(removed.getStatus()).as(removed.getMessage()).isEqualTo(ResultStatus.OK);
        assertThat(account("270").get("is_active")).isEqualTo(0);

        Account noCode = xeroAccount("x-none", null, "Suspense", false);
        WriteResult rejected = write(CommandAction.CREATE, null, "x-none", noCode);
        assertThat(rejected.getStatus()).isEqualTo(ResultStatus.REJECTED);
        assertThat(rejected.getMessage()).contains("Suspense has no code");
    }
}
