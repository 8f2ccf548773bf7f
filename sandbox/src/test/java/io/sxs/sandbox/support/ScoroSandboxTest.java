package io.sxs.sandbox.support;

import io.sxs.sandbox.scoro.ScoroSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One Scoro sandbox on a random port for all tests of a class (test classes run one at a time). */
public abstract class ScoroSandboxTest {

    protected static ScoroSandbox scoro;

    @BeforeAll
    static void startScoroSandbox() {
        scoro = ScoroSandbox.start(0);
    }

    @AfterAll
    static void stopScoroSandbox() {
        scoro.close();
    }
}
