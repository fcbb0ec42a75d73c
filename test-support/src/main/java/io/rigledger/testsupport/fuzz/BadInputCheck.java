package io.rigledger.testsupport.fuzz;

import io.rigledger.testsupport.TableFingerprint;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The whole bad-input check for one service, for its @QuarkusTest: fingerprint every table, send
 * the plan, log the counts (requests, statuses per operation, kinds), then fail on any wrong answer
 * and on any row added, removed or changed.
 */
public final class BadInputCheck {

    private static final Logger LOG = Logger.getLogger(BadInputCheck.class);

    private BadInputCheck() {
    }

    /**
     * @param service  the running service's root (a @TestHTTPResource URI)
     * @param database the service's datasource
     * @param plan     the requests
     * @param tokens   a token per operation (e.g. {@link RoleTokens})
     * @return the report, for checks of the service's own
     * @throws AssertionError when an answer is wrong or a table changed
     */
    public static BadInputReport refusedWithoutWriting(URI service, DataSource database, BadInputPlan plan,
                                                       Function<FuzzOperation, String> tokens) {
        TableFingerprint before = TableFingerprint.of(database);
        BadInputReport report = BadInputRunner.run(service, plan, tokens);
        LOG.info(report.summary());
        write(plan, report);
        report.assertEveryAnswerIsAProblem();
        List<String> changed = TableFingerprint.of(database).changedSince(before);
        if (!changed.isEmpty()) {
            throw new AssertionError("bad input wrote to " + changed);
        }
        return report;
    }

    /** target/bad-input/&lt;contract&gt;.txt: the summary and every wrong answer, for a failed build's reader. */
    private static void write(BadInputPlan plan, BadInputReport report) {
        Path file = Path.of("target", "bad-input", Path.of(plan.specFile()).getFileName() + ".txt");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, report.details());
        } catch (IOException e) {
            LOG.warnf("could not write %s: %s", file, e.getMessage());
        }
    }
}
