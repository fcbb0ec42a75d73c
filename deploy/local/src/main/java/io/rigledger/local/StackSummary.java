package io.rigledger.local;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The launcher's printout once the stack is ready: parts, ports, start times, RSS, URLs and a first curl. */
final class StackSummary {

    private StackSummary() {
    }

    /** What is running where, how fast it started, and how to try it. */
    static String of(StackSettings settings, List<LocalStack.Started> started, Duration allReadyAfter) {
        String nl = System.lineSeparator();
        StringBuilder b = new StringBuilder(nl);
        b.append("RigLedger local stack is ready (").append(seconds(allReadyAfter)).append(" after the launcher started; ")
                .append(seconds(Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime())))
                .append(" JVM uptime)").append(nl).append(nl);
        b.append(String.format(Locale.ROOT, "  %-20s %6s %8s %12s %10s%n", "part", "port", "pid", "ready after", "RSS"));
        for (LocalStack.Started s : started) {
            b.append(String.format(Locale.ROOT, "  %-20s %6d %8s %12s %10s%n", s.name(), s.port(),
                    s.pid() < 0 ? "-" : Long.toString(s.pid()), seconds(s.readyAfter()),
                    s.rssKib() <= 0 ? "-" : (s.rssKib() / 1024) + " MiB"));
        }
        b.append(nl);
        for (ServiceApp app : new ServiceApp[] {ServiceApp.PROCUREMENT, ServiceApp.INVENTORY, ServiceApp.TARIFF}) {
            b.append(String.format(Locale.ROOT, "  %-20s %-24s Swagger UI %s/q/swagger-ui%n", app.id(),
                    settings.serviceUrl(app), settings.serviceUrl(app)));
        }
        b.append(String.format(Locale.ROOT, "  %-20s %-24s web console: sign in as fiona, oscar or alice%n", "console",
                settings.serviceUrl(ServiceApp.CONSOLE)));
        b.append(String.format(Locale.ROOT, "  %-20s %-24s admin console %s/admin (%s / %s), realm %s%n", "keycloak",
                settings.keycloakUrl(), settings.keycloakUrl(), StackSettings.KEYCLOAK_ADMIN,
                StackSettings.KEYCLOAK_ADMIN_PASSWORD, StackSettings.REALM));
        b.append(String.format(Locale.ROOT, "  %-20s %s (every token, through whichever address it was fetched)%n",
                "issuer", settings.issuerUrl()));
        b.append(String.format(Locale.ROOT, "  %-20s jdbc:postgresql://localhost:%d/{procurement,inventory,tariff} (%s / %s)%n",
                "postgres", settings.postgresPort(), StackSettings.DB_USER, StackSettings.DB_PASSWORD));
        b.append(String.format(Locale.ROOT, "  %-20s %s%n", "logs", settings.logDir()));
        b.append(nl);
        b.append("Get a token for alice (people: alice, bob, fiona, oscar, ada; password = user name):").append(nl);
        b.append("  TOKEN=$(curl -s -d grant_type=password -d client_id=rigledger-cli -d username=alice -d password=alice \\")
                .append(nl);
        b.append("    ").append(settings.tokenUrl())
                .append(" | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')").append(nl).append(nl);
        b.append("Create a purchase order:").append(nl);
        b.append("  curl -i -X POST ").append(settings.serviceUrl(ServiceApp.PROCUREMENT)).append("/api/purchase-orders")
                .append(" -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' \\").append(nl);
        b.append("    -d '").append(LocalStack.PURCHASE_ORDER_EXAMPLE).append("'").append(nl).append(nl);
        b.append("List them:").append(nl);
        b.append("  curl -s ").append(settings.serviceUrl(ServiceApp.PROCUREMENT)).append("/api/purchase-orders")
                .append(" -H \"Authorization: Bearer $TOKEN\"").append(nl).append(nl);
        b.append("Ctrl-C stops everything.").append(nl);
        return b.toString();
    }

    private static String seconds(Duration d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

}
