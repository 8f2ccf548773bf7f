package io.sxs.connector.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.schemas.common.EncryptedSecret;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ConnectionFacts;
import io.sxs.schemas.envelope.ScoroEndpoint;
import io.sxs.schemas.envelope.XeroEndpoint;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreflightCheckTest {

    private static final Instant UPDATED = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void passesWhenEveryXeroCurrencyIsActiveInScoroAndReportsWhatWillSync() {
        PreflightVerdict verdict = PreflightCheck.verdict(connection("Region"), xero("GBP", "EUR"), scoro("GBP", "EUR", "USD"));

        assertThat(verdict.state()).isEqualTo(PreflightState.PASSED);
        assertThat(verdict.problems()).isEmpty();
        assertThat(verdict.report()).contains(
                "Xero organisation 'Demo Ltd': base currency GBP, currencies GBP, EUR",
                "tracking: Region (4 options) syncs to Scoro accounting objects; Department does not sync",
                "tax rates: 2 active in Xero sync to Scoro VAT codes, read-only there (OUTPUT2, INPUT2)",
                "accounts: 3 active in Xero sync to Scoro finance accounts, read-only there");
    }

    @Test
    void refusesAXeroCurrencyThatScoroHasNotActivatedAndNamesWhatIsActive() {
        PreflightVerdict verdict = PreflightCheck.verdict(connection("Region"), xero("GBP", "AUD"), scoro("GBP", "EUR", "USD"));

        assertThat(verdict.state()).isEqualTo(PreflightState.FAILED);
        assertThat(verdict.problems()).containsExactly(
                "Xero currency AUD is not active in Scoro (active: GBP, EUR, USD): activate it in Scoro's settings");
    }

    @Test
    void theBaseCurrenciesCountAsUsedAndActive() {
        ConnectionFacts xero = xero("AUD");
        xero.setBaseCurrency("NZD");
        ConnectionFacts scoro = scoro("AUD");
        scoro.setBaseCurrency("NZD");

        PreflightVerdict verdict = PreflightCheck.verdict(connection(null), xero, scoro);

        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.report()).anyMatch(line -> line.startsWith("tracking: no category chosen (Xero has Region, Department)"));
    }

    @Test
    void differingBaseCurrenciesAreReportedNotRefused() {
        ConnectionFacts scoro = scoro("GBP", "EUR");
        scoro.setBaseCurrency("EUR");

        PreflightVerdict verdict = PreflightCheck.verdict(connection("Region"), xero("GBP"), scoro);

        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.report()).contains("base currencies differ (Xero GBP, Scoro EUR): documents keep their own currency and rate");
    }

    @Test
    void refusesATrackingCategoryTheOrganisationDoesNotHaveActive() {
        PreflightVerdict verdict = PreflightCheck.verdict(connection("Regions"), xero("GBP"), scoro("GBP"));

        assertThat(verdict.state()).isEqualTo(PreflightState.FAILED);
        assertThat(verdict.problems()).containsExactly("'Regions' is not an active Xero tracking category (active: Region, Department)");
    }

    @Test
    void theTrackingCategoryIsMatchedIgnoringCaseAsTheReaderMatchesIt() {
        PreflightVerdict verdict = PreflightCheck.verdict(connection("department"), xero("GBP"), scoro("GBP"));

        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.report()).contains("tracking: Department (3 options) syncs to Scoro accounting objects; Region does not sync");
    }

    @Test
    void refusesACompanyAccountThatIsNotAnEntityOfTheSite() {
        ConnectionFacts scoro = scoro("GBP");
        scoro.setEntities(List.of("other-entity"));

        PreflightVerdict verdict = PreflightCheck.verdict(connection("Region"), xero("GBP"), scoro);

        assertThat(verdict.problems()).containsExactly(
                "Scoro company account 'c-1' is not an active entity of https://acme.scoro.com (active: other-entity)");
    }

    @Test
    void waitsForFactsThatAreMissingOrWereReadForAnOlderVersionOfTheConnection() {
        ConnectionFacts stale = scoro("GBP");
        stale.setConfigUpdatedAt(UPDATED.minusSeconds(60));

        assertThat(PreflightCheck.verdict(connection("Region"), null, scoro("GBP")).state()).isEqualTo(PreflightState.WAITING);
        PreflightVerdict verdict = PreflightCheck.verdict(connection("Region"), xero("GBP"), stale);
        assertThat(verdict.state()).isEqualTo(PreflightState.WAITING);
        assertThat(verdict.problems()).containsExactly("the Scoro entity is not read yet");
    }

    @Test
    void aSystemThatCouldNotBeReadIsUnreadableWithTheReason() {
        ConnectionFacts xero = ConnectionFacts.newBuilder().setConnectionId("c").setSystem(SystemType.XERO).setReadAt(UPDATED)
                .setConfigUpdatedAt(UPDATED).setError("AUTH (HTTP 401): token expired").build();

        PreflightVerdict verdict = PreflightCheck.verdict(connection("Region"), xero, scoro("GBP"));

        assertThat(verdict.state()).isEqualTo(PreflightState.UNREADABLE);
        assertThat(verdict.problems()).containsExactly("Xero organisation could not be read: AUTH (HTTP 401): token expired");
    }

    private static ConnectionConfig connection(String trackingCategory) {
        EncryptedSecret secret = EncryptedSecret.newBuilder().setKeyId("k").setIv(ByteBuffer.allocate(1))
                .setCiphertext(ByteBuffer.allocate(1)).build();
        return ConnectionConfig.newBuilder().setConnectionId("c").setName("c")
                .setScoro(ScoroEndpoint.newBuilder().setSiteUrl("https://acme.scoro.com").setCompanyAccountId("c-1")
                        .setApiKey(secret).build())
                .setXero(XeroEndpoint.newBuilder().setApiBaseUrl("https://api.xero.com").setTenantId("t").setTokens(secret).build())
                .setTrackingCategory(trackingCategory).setCreatedAt(UPDATED).setUpdatedAt(UPDATED).build();
    }

    private static ConnectionFacts xero(String... currencies) {
        return ConnectionFacts.newBuilder().setConnectionId("c").setSystem(SystemType.XERO).setReadAt(UPDATED)
                .setConfigUpdatedAt(UPDATED).setName("Demo Ltd").setBaseCurrency("GBP").setCurrencies(List.of(currencies))
                .setTrackingCategories(List.of("Region", "Department")).setTrackingOptions(List.of(4, 3))
                .setTaxRates(List.of("OUTPUT2", "INPUT2")).setAccounts(List.of("200", "260", "090")).build();
    }

    private static ConnectionFacts scoro(String... currencies) {
        return ConnectionFacts.newBuilder().setConnectionId("c").setSystem(SystemType.SCORO).setReadAt(UPDATED)
                .setConfigUpdatedAt(UPDATED).setName("Demo Scoro").setBaseCurrency("GBP").setCurrencies(List.of(currencies))
                .setEntities(List.of("c-1")).build();
    }
}
