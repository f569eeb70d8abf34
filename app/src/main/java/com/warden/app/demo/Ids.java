package com.warden.app.demo;

import java.util.SplittableRandom;
import java.util.UUID;

/** Version-4 UUIDs drawn from a seeded generator, so a seed gives the same ids every time. */
final class Ids {
    private Ids() { }

    static UUID next(SplittableRandom random) {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
