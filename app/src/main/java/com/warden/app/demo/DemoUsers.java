package com.warden.app.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/** The people of the demo: realistic names, one e-mail each, the same for a given seed. */
final class DemoUsers {
    record User(UUID id, String email, String displayName, Instant createdAt) { }

    private static final String[] FIRST = {"Maya", "Jonas", "Priya", "Diego", "Amara", "Lukas", "Sofia", "Kenji",
            "Leila", "Tomasz", "Grace", "Mateo", "Ingrid", "Omar", "Hana", "Felix", "Zara", "Nikolai", "Chloe", "Ravi"};
    private static final String[] LAST = {"Chen", "Weber", "Raman", "Alvarez", "Okafor", "Schmidt", "Rossi", "Tanaka",
            "Haddad", "Nowak", "Kim", "Silva", "Larsen", "Farouk", "Sato", "Brandt", "Ahmed", "Petrov", "Martin", "Iyer"};

    private DemoUsers() { }

    static List<User> make(int count, long seed, Instant anchor) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5EEDL);
        List<User> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String first = FIRST[i % FIRST.length];
            String last = LAST[(i / FIRST.length + i) % LAST.length];
            String suffix = i < FIRST.length ? "" : Integer.toString(i / FIRST.length);
            String email = (first + "." + last + suffix).toLowerCase() + "@example.com";
            Instant created = anchor.minus(Duration.ofDays(200 + random.nextInt(400)));
            users.add(new User(Ids.next(random), email, first + " " + last, created));
        }
        return users;
    }
}
