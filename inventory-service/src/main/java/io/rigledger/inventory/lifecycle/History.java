package io.rigledger.inventory.lifecycle;

import io.rigledger.inventory.rig.AssetIds;
import io.rigledger.inventory.rig.Rig;
import io.rigledger.inventory.rig.RigStatus;
import io.rigledger.platform.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * A rig's history, oldest first: its registration (from the rig row, position 0) then its events
 * (by event id), keyset-paged on that position.
 */
@ApplicationScoped
public class History {

    /** One page: the events after position {@code after} (0 = after the registration; null = from the start). */
    public record Slice(List<RigEventView> items, Long lastPosition, boolean more) {
    }

    /** @throws io.rigledger.platform.problem.ProblemException 404 for a rig not of {@code org} */
    public Slice page(String org, long id, Long after, int limit) {
        Rig rig = Rig.<Rig>find("org = ?1 and id = ?2", org, id).firstResultOptional()
                .orElseThrow(() -> Problems.notFound("rig", AssetIds.format(id)));
        List<RigEventView> items = new ArrayList<>();
        long last = after == null ? -1 : after;
        if (after == null) {
            items.add(new RigEventView(EventKind.REGISTERED, rig.registeredAt, rig.registeredBy, null,
                    RigState.status(RigStatus.RECEIVED, null, null), null, null));
            last = 0;
        }
        List<RigEvent> events = RigEvent.<RigEvent>find("rigId = ?1 and id > ?2 order by id", rig.id, last)
                .page(0, limit + 1 - items.size()).list();
        for (RigEvent e : events) {
            items.add(new RigEventView(e.kind, e.at, e.actor, e.from, e.to, e.reason,
                    e.capacityOverride ? Boolean.TRUE : null));
        }
        boolean more = items.size() > limit;
        if (more) {
            items = items.subList(0, limit);
        }
        int kept = items.size() - (after == null ? 1 : 0);
        long lastPosition = kept <= 0 ? 0 : events.get(kept - 1).id;
        return new Slice(items, lastPosition, more);
    }
}
