package io.sxs.connector.scoro.taxrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.connector.scoro.support.Commands;
import io.sxs.connector.scoro.support.ScoroSandboxTestBase;
import io.sxs.connector.source.ReadItem;
import io.sxs.connector.source.ReadPage;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.entity.TaxRate;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.CommandAction;
import io.sxs.schemas.envelope.ResultStatus;
import io.sxs.schemas.envelope.WriteResult;
import io.sxs.schemas.hash.ContentHasher;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Xero tax rates written to Scoro VAT codes, and read back, through real HTTP against the Scoro sandbox. */
class ScoroVatCodesSandboxTest extends ScoroSandboxTestBase {



    private static TaxRate xeroRate(String taxType, String name, String percent) {
        return TaxRate.newBuilder().setId(taxType).setCode(taxType).setName(name).setStatus(RecordStatus.ACTIVE)
                .setEffectiveRate(new BigDecimal(percent)).setAppliesToPurchases(false).build();
    }

    private WriteResult write(CommandAction action, String targetId, TaxRate rate) {
        return write(action, targetId, rate.getId(), rate);
    }

    private WriteResult write(CommandAction action, String targetId, String sourceId, TaxRate rate) {
        Command command = Commands.of(f.connection.connectionId(), EntityType.TAX_RATE, action, targetId, sourceId, rate);
        return f.connector.writer().write(f.connection, List.of(command)).get(0);
    }

    private Map<String, Object> vatCode(String code) {
        return sandbox.vatCodes(f.companyId()).stream().filter(v -> code.equals(v.get("vat_code"))).findFirst().orElseThrow();
    }

    @Test
    void aRateWhoseCodeScoroAlreadyHasAdoptsThatCodeAndCostsNothingWhenItAlreadyMatches() {
        Map<String, Object> seeded = vatCode("OUTPUT2");
        int codesBefore = sandbox.vatCodes(f.companyId()).size();

        WriteResult r = write(CommandAction.CREATE, null, xeroRate("OUTPUT2", "20% (VAT on Income)", "20.0000"));

        assertThat(r.getStatus()).as(r.getMessage()).isEqualTo(ResultStatus.OK);
        assertThat(r.getTargetId()).isEqualTo(String.valueOf(seeded.get("vat_code_id")));
        assertThat(sandbox.vatCodes(f.companyId())).hasSize(codesBefore);
        assertThat(f.calls("vatCodes/modify")).as("Scoro already says what Xero says").isZero();
        assertThat(r.getApiCalls()).as("financeAccounts/list + vatCodes/list, cached for the connection").isEqualTo(2);
        assertThat(r.getWrittenHash()).isEqualTo(ContentHasher.hash(ScoroVatCodeMapper.toCanonical(
                new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(vatCode("OUTPUT2")))));
    }

    @Test
    void anAdoptedCodeThatDiffersIsUpdatedWithOneCall() {
        long id = ((Number) vatCode("INPUT2").get("vat_code_id")).longValue();
        sandbox.updateVatCode(f.companyId(), id, Map.of("vat_name", "renamed by a user"));

        WriteResult r = write(CommandAction.CREATE, null, xeroRate("INPUT2", "20% (VAT on Expenses)", "20.0000"));

        assertThat(r.getStatus()).as(r.getMessage()).isEqualTo(ResultStatus.OK);
        assertThat(r.getTargetId()).isEqualTo(String.valueOf(id));
        assertThat(vatCode("INPUT2").get("vat_name")).isEqualTo("20% (VAT on Expenses)");
        assertThat(f.calls("vatCodes/modify")).isEqualTo(1);
        assertThat(r.getApiCalls()).isEqualTo(3);
    }

    @Test
    void aNewRateIsCreatedAndItsReadBackHashesAsWritten() throws Exception {
        WriteResult r = write(CommandAction.CREATE, null, xeroRate("TAX001", "Reduced 7.5%", "7.5000"));

        assertThat(r.getStatus()).as(r.getMessage()).isEqualTo(ResultStatus.OK);
        assertThat(vatCode("TAX001").get("percent").toString()).startsWith("7.5");
        ReadPage page = new ScoroVatCodeReader(f.connector.clients()).read(f.connection, null, 1);
        ReadItem read = page.items().stream().filter(i -> i.sourceId().equals(r.getTargetId())).findFirst().orElseThrow();
        assertThat(read.entity()).isEqualTo(EntityType.TAX_RATE);
        assertThat(ContentHasher.hash(read.payload())).as("echo suppression compares these").isEqualTo(r.getWrittenHash());
        assertThat(read.sourceVersion()).isEqualTo(r.getWrittenHash());
        assertThat(page.apiCalls()).isEqualTo(1);
    }

    @Test
    void aRemovedRateDeactivatesItsCodeBecauseDocumentsMayUseIt() {
        WriteResult created = write(CommandAction.CREATE, null, xeroRate("OUTPUT2", "20% (VAT on Income)", "20.0000"));
        WriteResult removed = write(CommandAction.DELETE, created.getTargetId(), "OUTPUT2", null);

        assertThat(removed.getStatus()).as(removed.getMessage()).isEqualTo(ResultStatus.OK);
        assertThat(vatCode("OUTPUT2").get("is_active")).isEqualTo(0);
        assertThat(f.calls("vatCodes/delete")).isZero();
    }

    @Test
    void aVatCodeEditedInScoroReadsAsANewVersion() throws Exception {
        ScoroVatCodeReader reader = new ScoroVatCodeReader(f.connector.clients());
        assertThat(reader.snapshot()).isTrue();
        long id = ((Number) vatCode("OUTPUT2").get("vat_code_id")).longValue();
        String before = version(reader.read(f.connection, null, 1), String.valueOf(id));
        sandbox.updateVatCode(f.companyId(), id, Map.of("vat_name", "edited by a user"));
        String after = version(reader.read(f.connection, null, 1), String.valueOf(id));
        assertThat(after).isNotEqualTo(before);
    }

    private static String version(ReadPage page, String id) {
        return page.items().stream().filter(i -> i.sourceId().equals(id)).findFirst().orElseThrow().sourceVersion();
    }
}
