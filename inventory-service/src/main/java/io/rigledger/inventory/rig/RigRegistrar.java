package io.rigledger.inventory.rig;

import io.rigledger.inventory.catalogue.Plant;
import io.rigledger.inventory.model.RigModel;
import io.rigledger.inventory.model.RigModelCatalogue;
import io.rigledger.platform.problem.Problem.Violation;
import io.rigledger.platform.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Registers rigs in bulk: one INSERT ... SELECT FROM unnest(arrays) per call, so 10,000 rigs are
 * one round trip (see {@link RigInserts}). Rigs start RECEIVED; their manufacturer is their model's.
 */
@ApplicationScoped
public class RigRegistrar {

    @Inject
    RigModelCatalogue models;

    @Inject
    EntityManager em;

    /**
     * Idempotent registration on (manufacturer, serial number): rigs registered before are answered
     * replayed and left unchanged, the others are registered.
     *
     * @throws io.rigledger.platform.problem.ProblemException 400 when a (manufacturer, serial) repeats
     *         inside the batch; 422 for an unknown or retired model or plant, or an originCountry other than
     *         the plant's country; nothing registered then
     */
    @Transactional
    public RigBatch.Result registerBatch(String org, String by, List<NewRig> rigs) {
        List<String> makers = manufacturers(rigs);
        List<Violation> repeats = repeats(rigs, makers);
        if (!repeats.isEmpty()) {
            throw Problems.invalid(repeats);
        }
        Map<SerialKey, Long> inserted = insert(org, by, rigs, makers);
        Map<SerialKey, Long> before = inserted.size() == rigs.size() ? Map.of() : existing(org, rigs, makers);
        List<RigBatch.Item> items = new ArrayList<>(rigs.size());
        for (int i = 0; i < rigs.size(); i++) {
            SerialKey key = new SerialKey(makers.get(i), rigs.get(i).serialNumber());
            Long id = inserted.get(key);
            boolean replayed = id == null;
            items.add(new RigBatch.Item(AssetIds.format(replayed ? before.get(key) : id), key.manufacturer(),
                    key.serial(), replayed));
        }
        return new RigBatch.Result(inserted.size(), rigs.size() - inserted.size(), items);
    }

    /**
     * All or nothing: every rig is new or the call is refused.
     *
     * @return the new rigs' ids in request order
     * @throws io.rigledger.platform.problem.ProblemException 409 naming rigs[i] for a serial already
     *         registered or repeated in the request; 422 for an unknown or retired model or plant
     */
    @Transactional
    public List<Long> registerAll(String org, String by, List<NewRig> rigs) {
        List<String> makers = manufacturers(rigs);
        List<Violation> clashes = repeats(rigs, makers);
        Set<SerialKey> stored = existing(org, rigs, makers).keySet();
        for (int i = 0; i < rigs.size(); i++) {
            if (stored.contains(new SerialKey(makers.get(i), rigs.get(i).serialNumber()))) {
                clashes.add(new Violation("rigs[" + i + "].serialNumber",
                        "is already registered for manufacturer " + makers.get(i)));
            }
        }
        if (!clashes.isEmpty()) {
            clashes.sort((a, b) -> a.field().compareTo(b.field()));
            throw Problems.conflict(clashes);
        }
        Map<SerialKey, Long> inserted = insert(org, by, rigs, makers);
        if (inserted.size() != rigs.size()) {
            throw Problems.conflict(List.of(new Violation("rigs",
                    "a serial number in this request was registered by another request at the same time")));
        }
        List<Long> ids = new ArrayList<>(rigs.size());
        for (int i = 0; i < rigs.size(); i++) {
            ids.add(inserted.get(new SerialKey(makers.get(i), rigs.get(i).serialNumber())));
        }
        return ids;
    }

    /** Each rig's manufacturer (its model's), after checking models and plants exist and are not retired. */
    private List<String> manufacturers(List<NewRig> rigs) {
        Map<String, RigModel> byCode = models.byCode(rigs.stream().map(NewRig::model).collect(Collectors.toSet()));
        Set<String> plantCodes = rigs.stream().map(NewRig::plant).filter(p -> p != null).collect(Collectors.toSet());
        Map<String, Plant> plants = plantCodes.isEmpty() ? Map.of() : Plant.<Plant>list("code in ?1", plantCodes)
                .stream().collect(Collectors.toMap(p -> p.code, p -> p));
        List<Violation> unknown = new ArrayList<>();
        List<String> makers = new ArrayList<>(rigs.size());
        for (int i = 0; i < rigs.size(); i++) {
            NewRig rig = rigs.get(i);
            RigModel model = byCode.get(rig.model());
            if (model == null || model.retiredAt != null) {
                unknown.add(new Violation("rigs[" + i + "].model", (model == null
                        ? "is not in the rig model catalogue: " : "is retired: ") + rig.model()));
                makers.add(null);
                continue;
            }
            makers.add(model.manufacturer.code);
            if (rig.plant() != null) {
                Plant plant = plants.get(rig.plant());
                if (plant == null || plant.retiredAt != null) {
                    unknown.add(new Violation("rigs[" + i + "].plant", (plant == null
                            ? "is not a known plant: " : "is retired: ") + rig.plant()));
                } else if (!plant.manufacturer.equals(model.manufacturer.code)) {
                    unknown.add(new Violation("rigs[" + i + "].plant", "belongs to " + plant.manufacturer
                            + ", not to the model's manufacturer " + model.manufacturer.code));
                } else if (!plant.country.equals(rig.originCountry())) {
                    unknown.add(new Violation("rigs[" + i + "].originCountry", "is not the country of plant "
                            + plant.code + " (" + plant.country + ")"));
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw Problems.unprocessable(unknown);
        }
        return makers;
    }

    /** rigs[i].serialNumber repeating an earlier rig of the same manufacturer. */
    private static List<Violation> repeats(List<NewRig> rigs, List<String> makers) {
        Map<SerialKey, Integer> first = new HashMap<>();
        List<Violation> repeats = new ArrayList<>();
        for (int i = 0; i < rigs.size(); i++) {
            Integer earlier = first.putIfAbsent(new SerialKey(makers.get(i), rigs.get(i).serialNumber()), i);
            if (earlier != null) {
                repeats.add(new Violation("rigs[" + i + "].serialNumber",
                        "repeats rigs[" + earlier + "].serialNumber of the same manufacturer"));
            }
        }
        return repeats;
    }

    private Map<SerialKey, Long> insert(String org, String by, List<NewRig> rigs, List<String> makers) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return em.unwrap(Session.class).doReturningWork(c -> RigInserts.insert(c, org, by, now, rigs, makers));
    }

    private Map<SerialKey, Long> existing(String org, List<NewRig> rigs, List<String> makers) {
        List<String> serials = rigs.stream().map(NewRig::serialNumber).toList();
        return em.unwrap(Session.class).doReturningWork(c -> RigInserts.existing(c, org, makers, serials));
    }
}
