package io.rigledger.inventory.rig;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * Flyway callback (quarkus.flyway.callbacks) run just before migration V5, in its transaction: V5 makes a rig's current
 * MAC unique within its organisation among rigs in service (not RETIRED), which fails on a database holding two such
 * rigs with one MAC, and the service would never start. This resolves the duplicates first, deterministically: of the
 * rigs holding one MAC in one organisation, the one registered first (lowest asset id) keeps it; each other rig's MAC
 * is cleared and moved to its MAC history, a MAC_CHANGED event (from that MAC to none) by "migration V5" with the
 * reason naming the rig that kept it, as PUT /api/rigs/{assetId}/mac would record it. The rig's version is bumped, so
 * an ETag read before is stale. Nothing happens on a database without duplicates, and the callback never runs again
 * once V5 is applied.
 */
public class MacDuplicatesBeforeV5 implements Callback {

    static final MigrationVersion V5 = MigrationVersion.fromVersion("5");
    static final String ACTOR = "migration V5";

    private static final String RESOLVE = """
            with holders as (
                select id, mac, min(id) over (partition by org, mac) as keeper
                from rig where mac is not null and status <> 'RETIRED'),
            moved as (
                update rig r set mac = null, version = r.version + 1
                from holders h where r.id = h.id and h.id <> h.keeper
                returning r.id, h.mac, h.keeper)
            insert into rig_event (rig_id, at, actor, kind, from_state, to_state, reason)
            select id, now(), '%s', 'MAC_CHANGED', jsonb_build_object('mac', mac), '{}'::jsonb,
                   'MAC ' || mac || ' was also the current MAC of RIG-' || lpad(keeper::text, 9, '0')
                   || ', registered first, which keeps it (a current MAC is unique per organisation from V5);'
                   || ' set this rig''s MAC again with PUT /api/rigs/{assetId}/mac'
            from moved""".formatted(ACTOR);

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE && context.getMigrationInfo() != null
                && V5.equals(context.getMigrationInfo().getVersion());
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    /**
     * Clears the duplicated current MACs as the class comment says.
     *
     * @throws FlywayException when the statement fails (the migration stops, nothing of it kept)
     */
    @Override
    public void handle(Event event, Context context) {
        try (Statement s = context.getConnection().createStatement()) {
            s.executeUpdate(RESOLVE);
        } catch (SQLException e) {
            throw new FlywayException("could not resolve duplicated current MACs before V5: " + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "mac-duplicates-before-v5";
    }
}
