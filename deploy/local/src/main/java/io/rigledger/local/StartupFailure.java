package io.rigledger.local;

import java.nio.file.Path;

/** A part of the stack did not become ready; carries the tail of its log. */
public class StartupFailure extends RuntimeException {

    private final String part;
    private final Path logFile;
    private final String logTail;

    StartupFailure(String part, String reason, Path logFile, String logTail) {
        super(part + " " + reason);
        this.part = part;
        this.logFile = logFile;
        this.logTail = logTail;
    }

    StartupFailure(String part, String reason, Path logFile, String logTail, Throwable cause) {
        super(part + " " + reason, cause);
        this.part = part;
        this.logFile = logFile;
        this.logTail = logTail;
    }

    public String part() {
        return part;
    }

    public Path logFile() {
        return logFile;
    }

    public String logTail() {
        return logTail;
    }

    /** Message, log file and its tail, ready to print. */
    public String report() {
        StringBuilder b = new StringBuilder(getMessage());
        if (getCause() != null && getCause().getMessage() != null) {
            b.append(System.lineSeparator()).append("  cause: ").append(getCause().getMessage());
        }
        if (logFile != null) {
            b.append(System.lineSeparator()).append("---- last lines of ").append(logFile).append(" ----")
                    .append(System.lineSeparator()).append(logTail)
                    .append(System.lineSeparator()).append("----");
            if (logTail != null && logTail.contains("checksum mismatch")) {
                b.append(System.lineSeparator()).append("  The local database was made by other migrations than this build's"
                        + " (Flyway checksum mismatch): start from empty databases with ./run.sh --fresh"
                        + " (drops the local data).");
            }
        }
        return b.toString();
    }
}
