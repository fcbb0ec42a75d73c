package io.rigledger.platform.http;

import io.rigledger.platform.problem.Problems;

/**
 * Entity tags for optimistic concurrency: the ETag of a row is its {@code @Version}, as a strong
 * tag ({@code "7"}: the same version always has the same JSON), and a write that must not overwrite
 * someone else's change requires {@code If-Match} (RFC 9110 section 13.1.1, strong comparison).
 */
public final class ETags {

    public static final String IF_MATCH = "If-Match";

    private ETags() {
    }

    /** The ETag header value for a version: {@code "7"}. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Checks If-Match against the current version.
     *
     * @param ifMatch the header as sent (may list several tags, or be {@code *})
     * @throws io.rigledger.platform.problem.ProblemException 428 when it is missing, 412 when no
     *                                                        listed tag is the current version
     */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw Problems.preconditionRequired(IF_MATCH);
        }
        if (!matches(ifMatch, currentVersion)) {
            throw Problems.preconditionFailed("the resource changed since you read it; its ETag is now "
                    + of(currentVersion) + ": read it again and reapply your change");
        }
    }

    /** Whether an If-Match value names this version (weak tags never match: strong comparison). */
    static boolean matches(String ifMatch, long currentVersion) {
        String current = of(currentVersion);
        for (String tag : ifMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || t.equals(current)) {
                return true;
            }
        }
        return false;
    }
}
