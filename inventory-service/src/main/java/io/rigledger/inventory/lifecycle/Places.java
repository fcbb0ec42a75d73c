package io.rigledger.inventory.lifecycle;

import io.rigledger.inventory.place.Rack;
import io.rigledger.inventory.place.Site;
import io.rigledger.inventory.rig.PlacedPosition;
import io.rigledger.inventory.rig.Rig;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.SQLException;

/** Names a rig's position (site, row, rack codes and slot) for its events. */
@ApplicationScoped
public class Places {

    /** PostgreSQL unique_violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    /** The rig's position, or null when it holds none. */
    public PlacedPosition of(Rig rig) {
        if (rig.rackId == null) {
            return null;
        }
        Site site = Site.findById(rig.siteId);
        Rack rack = Rack.findById(rig.rackId);
        return new PlacedPosition(site.code, rack.rowCode, rack.code, rig.slot);
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
