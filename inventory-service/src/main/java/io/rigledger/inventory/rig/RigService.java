package io.rigledger.inventory.rig;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.rigledger.inventory.common.Problem.Violation;
import io.rigledger.inventory.common.Problems;
import io.rigledger.inventory.model.RigModelCatalogue;
import io.rigledger.inventory.rig.RigRegistration.NewRig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The fleet of each organisation: registering rigs and reading them back, always scoped to one org. */
@ApplicationScoped
public class RigService {

    /** PostgreSQL unique_violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    @Inject
    RigModelCatalogue catalogue;

    /** A position in the newest-first order: the sort key of the last rig of the previous page. */
    public record Position(Instant registeredAt, UUID id) {
    }

    /** A rig's identity within an organisation: its serial number is unique per model. */
    private record SerialKey(String model, String serialNumber) {
    }

    /**
     * Registers every rig or none: unknown models answer 422, serial numbers repeated in the request
     * or already registered for the same model answer 409; each violation names rigs[i] of the request.
     */
    @Transactional
    public List<Rig> register(String org, String registeredBy, List<NewRig> newRigs) {
        rejectUnknownModels(newRigs);
        rejectDuplicates(org, newRigs);

        // one registration, one instant; microseconds because that is what PostgreSQL keeps
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Rig> rigs = new ArrayList<>(newRigs.size());
        for (NewRig n : newRigs) {
            Rig rig = new Rig();
            rig.id = UUID.randomUUID();
            rig.org = org;
            rig.serialNumber = n.serialNumber();
            rig.modelCode = n.model();
            rig.originCountry = n.originCountry();
            rig.status = RigStatus.REGISTERED;
            rig.purchaseOrderId = n.purchaseOrderId();
            rig.registeredAt = now;
            rig.registeredBy = registeredBy;
            rigs.add(rig);
        }
        Rig.persist(rigs);
        try {
            // inserted here, not at commit, so a registration that raced ours past the checks above
            // still answers 409 rather than a failed commit
            Rig.flush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw Problems.conflict(List.of(new Violation("rigs",
                        "a serial number in this request was registered by another request at the same time")));
            }
            throw e;
        }
        return rigs;
    }

    public Optional<Rig> find(String org, UUID id) {
        return Rig.find("id = :id and org = :org", Parameters.with("id", id).and("org", org)).firstResultOptional();
    }

    /** Up to {@code limit} rigs of an organisation after {@code after} (from the newest when null). */
    public List<Rig> page(String org, Position after, int limit, String model, String originCountry) {
        StringBuilder q = new StringBuilder("org = :org");
        Parameters p = Parameters.with("org", org);
        if (model != null) {
            q.append(" and modelCode = :model");
            p.and("model", model);
        }
        if (originCountry != null) {
            q.append(" and originCountry = :origin");
            p.and("origin", originCountry);
        }
        if (after != null) {
            // a row-value comparison, so PostgreSQL reads the (org, registered_at desc, id desc) index as a range
            q.append(" and (registeredAt, id) < (:afterAt, :afterId)");
            p.and("afterAt", after.registeredAt()).and("afterId", after.id());
        }
        Sort newestFirst = Sort.descending("registeredAt", "id");
        return Rig.<Rig>find(q.toString(), newestFirst, p).page(0, limit).list();
    }

    private void rejectUnknownModels(List<NewRig> newRigs) {
        Set<String> known = catalogue.known(newRigs.stream().map(NewRig::model).distinct().toList());
        List<Violation> unknown = new ArrayList<>();
        for (int i = 0; i < newRigs.size(); i++) {
            String model = newRigs.get(i).model();
            if (!known.contains(model)) {
                unknown.add(new Violation("rigs[" + i + "].model", "is not in the rig model catalogue: " + model));
            }
        }
        if (!unknown.isEmpty()) {
            throw Problems.unprocessable(unknown);
        }
    }

    private void rejectDuplicates(String org, List<NewRig> newRigs) {
        Set<SerialKey> stored = stored(org, newRigs);
        Map<SerialKey, Integer> firstIndex = new HashMap<>();
        List<Violation> duplicates = new ArrayList<>();
        for (int i = 0; i < newRigs.size(); i++) {
            NewRig n = newRigs.get(i);
            SerialKey key = new SerialKey(n.model(), n.serialNumber());
            String field = "rigs[" + i + "].serialNumber";
            Integer first = firstIndex.putIfAbsent(key, i);
            if (stored.contains(key)) {
                duplicates.add(new Violation(field, "is already registered for model " + n.model()));
            } else if (first != null) {
                duplicates.add(new Violation(field, "repeats rigs[" + first + "].serialNumber for the same model"));
            }
        }
        if (!duplicates.isEmpty()) {
            throw Problems.conflict(duplicates);
        }
    }

    /** Which of the requested (model, serial number) pairs the organisation already has. */
    private Set<SerialKey> stored(String org, List<NewRig> newRigs) {
        Set<String> models = new HashSet<>();
        Set<String> serials = new HashSet<>();
        newRigs.forEach(n -> {
            models.add(n.model());
            serials.add(n.serialNumber());
        });
        List<Rig> candidates = Rig.list("org = :org and modelCode in :models and serialNumber in :serials",
                Parameters.with("org", org).and("models", models).and("serials", serials));
        Set<SerialKey> keys = new HashSet<>();
        candidates.forEach(r -> keys.add(new SerialKey(r.modelCode, r.serialNumber)));
        return keys;
    }

    private static boolean isUniqueViolation(Throwable e) {
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
