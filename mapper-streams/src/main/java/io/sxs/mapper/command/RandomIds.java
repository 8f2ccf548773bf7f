package io.sxs.mapper.command;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random (version 4) UUIDs for command and sync-log entry ids. They need to be unique, not unguessable, so they come
 * from the thread's own generator instead of {@link UUID#randomUUID()}'s shared SecureRandom, which cost as much
 * as a store write for every entry.
 */
public final class RandomIds {

    private RandomIds() {
    }

    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
        return new UUID(high, low).toString();
    }
}
