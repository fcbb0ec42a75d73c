package io.rigledger.platform.problem;

/** What may stand inside a quoted RFC 6750 auth-param. */
final class BearerChallenge {

    static final int MAX_LENGTH = 300;

    private BearerChallenge() {
    }

    /**
     * The text with every character RFC 6750 forbids in {@code error_description} (anything but
     * %x20-21 / %x23-5B / %x5D-7E: quotes, backslashes, control and non-ASCII characters)
     * replaced by '?', cut to {@value #MAX_LENGTH} characters.
     */
    static String quotable(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH));
        for (int i = 0; i < text.length() && out.length() < MAX_LENGTH; i++) {
            char c = text.charAt(i);
            boolean allowed = c >= 0x20 && c <= 0x7E && c != '"' && c != '\\';
            out.append(allowed ? c : '?');
        }
        return out.toString();
    }
}
