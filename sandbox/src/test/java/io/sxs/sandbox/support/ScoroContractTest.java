package io.sxs.sandbox.support;

import org.junit.jupiter.api.BeforeEach;

import java.util.Map;

/**
 * A Scoro contract test: the class's sandbox, and before each test a reset clock and a fresh company with its client
 * {@code c} and id {@code company} (runs before the subclass's own {@code @BeforeEach}).
 */
public abstract class ScoroContractTest extends ScoroSandboxTest {

    protected ScoroClient c;
    protected String company;

    @BeforeEach
    void openScoroCompany() {
        scoro.clock().reset();
        c = new ScoroClient(scoro, scoro.createCompany(getClass().getSimpleName()));
        company = c.company().companyAccountId();
    }

    /** Creates a contact as a user would and returns its contact_id. */
    protected long createContact(Map<String, Object> contact) {
        return ((Number) scoro.createContact(company, contact).get("contact_id")).longValue();
    }
}
