package io.rigledger.local;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the console's browser tests (ConsoleIT, ConsoleTenancyIT, ConsoleSessionIT) look at, made once a run: the stack's
 * settings, calls with each person's token, the console's address, the stack's faults, and the journey of issue 11 (an
 * order from two plants, shipped, entered, paid, received and racked): JourneyIT's when it ran before in the same run,
 * else the same steps made here once, whichever console test class comes first.
 */
final class ConsoleData {

    private static final System.Logger LOG = System.getLogger(ConsoleData.class.getName());
    /** The journey's entry year, the reconciliation's range of the finance pages (entry dates, inclusive). */
    static final String FROM = "2025-01-01";
    static final String TO = "2025-12-31";
    /** quarkus-oidc's session cookie (with split tokens also q_session_at and q_session_rt). */
    static final String SESSION_COOKIE = "q_session";

    private static ConsoleData made;

    final StackSettings settings;
    final Calls calls;
    final String console;
    final StackFaults faults;
    final Journey j;
    final JourneyRigs rigs;

    private ConsoleData(LocalStack stack) {
        settings = stack.settings();
        faults = new StackFaults(stack);
        calls = new Calls(settings);
        console = settings.serviceUrl(ServiceApp.CONSOLE);
        JourneyRigs finished = JourneyIT.finished;
        if (finished == null) {
            j = new Journey(calls, Calls.runId());
            j.oscarBuildsASiteWithARack();
            j.aliceOrdersFromAMalaysianAndAChinesePlant();
            j.aliceSubmitsConfirmsAndShips();
            j.fionaFilesTheEntryAndPaysIt();
            j.aliceReceivesTheShipment();
            rigs = new JourneyRigs(calls, j);
            rigs.appearInInventoryOnceEachWithPlantOriginAndPrice();
            rigs.oscarDeploysThemAndTheFleetSummaryCountsThem();
        } else {
            rigs = finished;
            j = finished.journey();
            LOG.log(System.Logger.Level.INFO, "the console is looked at with JourneyIT's data, run " + j.run);
        }
    }

    /** The run's console data, made by the first console test class that asks. */
    static synchronized ConsoleData of(LocalStack stack) {
        if (made == null) {
            made = new ConsoleData(stack);
        }
        return made;
    }

    /**
     * Writes target/screenshots/server-times.txt (CSV: page, path, Server-Timing app ms as shown and reloaded, -1 when
     * not reloaded) with every page shot so far in the run, and logs them beside the goal (under 300 ms a page,
     * reported, not asserted: a timed test is no proof). Each console test class calls it once done, so the file ends
     * with every page of the run.
     */
    static void writeServerTimes() throws IOException {
        Map<String, ConsoleBrowser.PageTime> times = new TreeMap<>(ConsoleBrowser.SERVER_TIMES);
        StringBuilder csv = new StringBuilder("page,path,server time ms as shown,server time ms reloaded (Server-Timing app; goal < 300)\n");
        StringBuilder lines = new StringBuilder();
        times.forEach((page, t) -> {
            csv.append(page).append(',').append(t.path()).append(',').append(ms(t.first())).append(',').append(ms(t.again())).append('\n');
            lines.append(String.format(Locale.ROOT, "%nconsole page %-24s %8s ms as shown, %8s ms reloaded  %s  %s", page,
                    ms(t.first()), ms(t.again()), Math.max(t.first(), t.again()) < 300 ? "< 300 ms" : "OVER 300 ms", t.path()));
        });
        Files.createDirectories(ConsoleBrowser.SHOTS);
        Files.writeString(ConsoleBrowser.SHOTS.resolve("server-times.txt"), csv);
        LOG.log(System.Logger.Level.INFO, "console pages' server time (Server-Timing app; goal < 300 ms):" + lines);
    }

    private static String ms(double ms) {
        return String.format(Locale.ROOT, "%.1f", ms);
    }
}
