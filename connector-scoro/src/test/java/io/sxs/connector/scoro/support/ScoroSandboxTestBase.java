package io.sxs.connector.scoro.support;

import io.sxs.sandbox.scoro.ScoroSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One Scoro sandbox per test class on a random port, one fresh company (and connector) per test. */
public abstract class ScoroSandboxTestBase {

    protected static ScoroSandbox sandbox;
    protected SandboxFixture f;

    @BeforeAll
    static void startSandbox() {
        sandbox = ScoroSandbox.start(0);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void newCompany() {
        beforeCompany();
        f = new SandboxFixture(sandbox);
    }

    /** Runs before each test's company is created (e.g. to pin the sandbox clock its seed data is stamped with). */
    protected void beforeCompany() {
    }
}
