package io.sxs.sandbox.support;

import io.sxs.sandbox.xero.XeroSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One Xero sandbox on a random port for all tests of a class (test classes run one at a time). */
public abstract class XeroSandboxTest {

    protected static XeroSandbox xero;

    @BeforeAll
    static void startXeroSandbox() {
        xero = XeroSandbox.start(0);
    }

    @AfterAll
    static void stopXeroSandbox() {
        xero.close();
    }
}
