package io.rigledger.tariff.entry;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static io.rigledger.tariff.entry.Entries.filed;
import static io.rigledger.tariff.entry.Entries.get;
import static io.rigledger.tariff.entry.Entries.malaysian;
import static io.rigledger.tariff.entry.Entries.number;
import static io.rigledger.tariff.entry.Entries.org;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * An entry row without its stored summary (loaded by SQL, not filed through the API) is a state the database can
 * hold: the lists (deadlines, IEEPA refunds) still answer and list it without what it declared, and the entry itself
 * is 409 naming it; never a 500.
 */
@QuarkusTest
class MissingSummaryTest extends PinnedTodayTest {

    @Inject
    DataSource dataSource;

    @Test
    void listsAnswerWithoutTheMissingSummaryAndTheEntryIs409NamingIt() throws SQLException {
        String org = org();
        String entry = number();
        String id = filed(org, malaysian(entry, Today.DATE.minusDays(30).toString(), "19000.00", ""));
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("delete from entry_summary where entry_id = ?")) {
            s.setObject(1, UUID.fromString(id));
            s.executeUpdate();
        }

        get(org, "/api/deadlines?within=3650d").statusCode(200).body("items.entryId", hasItem(id));
        get(org, "/api/ieepa-refunds").statusCode(200).body("items.entryId", equalTo(List.of(id)));
        get(org, "/api/entries/" + id).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("has no stored summary"));
        get(org, "/api/entries/" + id + "/allocation").statusCode(409).contentType("application/problem+json");
    }
}
