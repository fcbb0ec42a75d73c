package io.rigledger.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.time.Duration;

/**
 * The wiring the console's browser tests share (ConsoleIT, ConsoleTenancyIT, ConsoleSessionIT): the packaged stack
 * ({@link LocalStackExtension}), the run's {@link ConsoleData} in static fields before the first test, and
 * server-times.txt written after the last.
 */
@ExtendWith(LocalStackExtension.class)
abstract class ConsoleBrowserBase {

    static Calls calls;
    static Journey j;
    static JourneyRigs rigs;
    static String console;
    static StackSettings settings;
    static StackFaults faults;

    @BeforeAll
    static void data(LocalStack stack) {
        ConsoleData d = ConsoleData.of(stack);
        calls = d.calls;
        j = d.j;
        rigs = d.rigs;
        console = d.console;
        settings = d.settings;
        faults = d.faults;
    }

    /**
     * Signs {@code user} in on {@code page} of the console (relative path) with tokens that live {@code lifespan} for
     * this sign-in alone: the realm's console client gets that access token lifespan for the sign-in and its own back
     * afterwards (also when the sign-in fails).
     *
     * @throws Exception when Keycloak's admin API refuses or cannot be reached
     */
    static void signInWithTokensOf(Duration lifespan, ConsoleBrowser b, String page, String user) throws Exception {
        Realm.tokenLifespan(settings, "console", lifespan);
        try {
            b.signIn(page, user);
        } finally {
            Realm.tokenLifespan(settings, "console", null);
        }
    }

    @AfterAll
    static void serverTimes() throws IOException {
        ConsoleData.writeServerTimes();
    }
}
