package io.rigledger.inventory.rig;

import io.rigledger.inventory.catalogue.Plant;
import io.rigledger.inventory.model.RigModel;
import io.rigledger.inventory.model.RigModelCatalogue;
import io.rigledger.inventory.rig.RigInserts.MacHolder;
import io.rigledger.inventory.rig.RigInserts.StoredRig;
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
import java.util.TreeMap;
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
     * replayed and left unchanged (with conflicts when the replay sends another model, origin, plant or
     * order reference than stored), the others are registered. A replay draws no asset ids. A replayed rig in RMA
     * whose item carries rmaReturnReceipt goes back to RECEIVED with its event (an RMA return), once. Retired models and
     * plants, and a plant of another manufacturer or country, are refused for new rigs only: a rig registered
     * before its model or plant was retired still answers replayed.
     *
     * @throws io.rigledger.platform.problem.ProblemException 400 when a (manufacturer, serial) or a MAC repeats
     *         inside the batch; 409 naming rigs[i].mac for a MAC that is another rig's current MAC; 422 for an
     *         unknown model, or for a new rig with a retired model, an unknown or retired plant, or an
     *         originCountry other than the plant's country; nothing registered then
     */
    @Transactional
    public RigBatch.Result registerBatch(String org, String by, List<NewRig> rigs) {
        Catalogued catalogued = manufacturers(rigs);
        List<String> makers = catalogued.makers();
        List<Violation> repeats = ReplayChecks.repeats(rigs, makers);
        if (!repeats.isEmpty()) {
            throw Problems.invalid(repeats);
        }
        Map<SerialKey, StoredRig> before = new HashMap<>(existing(org, rigs, makers));
        catalogued.refuseNew(rigs, before.keySet());
        refuseMacClashes(org, rigs, makers, before.keySet());
        // the registration turn first, then rig rows (returns, then the insert), then (by trigger) the rollups
        takeTurn(org);
        RmaReturns.Outcome returns = rmaReturns(org, by, rigs, makers, before);
        Map<SerialKey, Long> inserted = insert(org, by, rigs, makers);
        if (inserted.size() + before.size() < rigs.size()) {
            before = existing(org, rigs, makers); // another request registered some of them meanwhile
        }
        List<RigBatch.Item> items = new ArrayList<>(rigs.size());
        for (int i = 0; i < rigs.size(); i++) {
            SerialKey key = new SerialKey(makers.get(i), rigs.get(i).serialNumber());
            Long id = inserted.get(key);
            if (id != null) {
                items.add(new RigBatch.Item(AssetIds.format(id), key.manufacturer(), key.serial(), false,
                        RigStatus.RECEIVED, null, null));
                continue;
            }
            StoredRig stored = before.get(key);
            List<Violation> conflicts = ReplayChecks.replayConflicts(i, rigs.get(i), stored);
            items.add(new RigBatch.Item(AssetIds.format(stored.id()), key.manufacturer(), key.serial(), true,
                    returns.status().getOrDefault(stored.id(), stored.status()),
                    returns.returned().contains(stored.id()) ? Boolean.TRUE : null,
                    conflicts.isEmpty() ? null : conflicts));
        }
        return new RigBatch.Result(inserted.size(), rigs.size() - inserted.size(), items);
    }

    /**
     * Replayed rigs whose item carries an rmaReturnReceipt and that are in RMA go back to RECEIVED, in this
     * transaction (see {@link RmaReturns}); the caller holds the registration turn.
     */
    private RmaReturns.Outcome rmaReturns(String org, String by, List<NewRig> rigs, List<String> makers,
                                          Map<SerialKey, StoredRig> before) {
        Map<Long, String> receipts = new HashMap<>();
        for (int i = 0; i < rigs.size(); i++) {
            StoredRig stored = before.get(new SerialKey(makers.get(i), rigs.get(i).serialNumber()));
            String receipt = rigs.get(i).rmaReturnReceipt();
            if (receipt != null && stored != null) {
                receipts.put(stored.id(), receipt);
            }
        }
        if (receipts.isEmpty()) {
            return new RmaReturns.Outcome(Map.of(), Set.of());
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return em.unwrap(Session.class).doReturningWork(c -> RmaReturns.receive(c, org, by, now, receipts));
    }

    /**
     * All or nothing: every rig is new or the call is refused.
     *
     * @return the new rigs' ids in request order
     * @throws io.rigledger.platform.problem.ProblemException 400 naming rigs[i] for a serial or MAC repeated in the
     *         request; 409 naming rigs[i] for a serial already registered or a MAC that is another rig's current
     *         MAC; 422 for an unknown or retired model or plant
     */
    @Transactional
    public List<Long> registerAll(String org, String by, List<NewRig> rigs) {
        Catalogued catalogued = manufacturers(rigs);
        catalogued.refuseNew(rigs, Set.of());
        List<String> makers = catalogued.makers();
        List<Violation> repeats = ReplayChecks.repeats(rigs, makers);
        if (!repeats.isEmpty()) {
            throw Problems.invalid(repeats);
        }
        Set<SerialKey> stored = existing(org, rigs, makers).keySet();
        List<Violation> clashes = new ArrayList<>();
        for (int i = 0; i < rigs.size(); i++) {
            if (stored.contains(new SerialKey(makers.get(i), rigs.get(i).serialNumber()))) {
                clashes.add(new Violation("rigs[" + i + "].serialNumber",
                        "is already registered for manufacturer " + makers.get(i)));
            }
        }
        if (!clashes.isEmpty()) {
            throw Problems.conflict(clashes);
        }
        refuseMacClashes(org, rigs, makers, stored);
        takeTurn(org);
        Map<SerialKey, Long> inserted = insert(org, by, rigs, makers);
        if (inserted.size() != rigs.size()) {
            throw Problems.conflict(List.of(new Violation("rigs",
                    "hold a serial number another request registered at the same time")));
        }
        List<Long> ids = new ArrayList<>(rigs.size());
        for (int i = 0; i < rigs.size(); i++) {
            ids.add(inserted.get(new SerialKey(makers.get(i), rigs.get(i).serialNumber())));
        }
        return ids;
    }

    /** 409 naming rigs[i].mac for each new rig whose MAC another rig of the organisation holds now. */
    private void refuseMacClashes(String org, List<NewRig> rigs, List<String> makers, Set<SerialKey> stored) {
        List<String> macs = ReplayChecks.newMacs(rigs, makers, stored);
        if (macs.isEmpty()) {
            return;
        }
        Map<String, MacHolder> holders = em.unwrap(Session.class)
                .doReturningWork(c -> RigInserts.macHolders(c, org, macs));
        List<Violation> clashes = ReplayChecks.macClashes(rigs, makers, stored, holders);
        if (!clashes.isEmpty()) {
            throw Problems.conflict(clashes);
        }
    }

    /**
     * Each rig's manufacturer (its model's) and the catalogue refusals by rig index: retired model, unknown or
     * retired plant, plant of another manufacturer, origin other than the plant's country.
     *
     * @throws io.rigledger.platform.problem.ProblemException 422 naming rigs[i].model for a model the catalogue
     *         does not hold (without it the rig's manufacturer, and so whether it is a replay, is unknown)
     */
    private Catalogued manufacturers(List<NewRig> rigs) {
        Map<String, RigModel> byCode = models.byCode(rigs.stream().map(NewRig::model).collect(Collectors.toSet()));
        Set<String> plantCodes = rigs.stream().map(NewRig::plant).filter(p -> p != null).collect(Collectors.toSet());
        Map<String, Plant> plants = plantCodes.isEmpty() ? Map.of() : Plant.<Plant>list("code in ?1", plantCodes)
                .stream().collect(Collectors.toMap(p -> p.code, p -> p));
        List<Violation> unknown = new ArrayList<>();
        Map<Integer, Violation> refusals = new TreeMap<>();
        List<String> makers = new ArrayList<>(rigs.size());
        for (int i = 0; i < rigs.size(); i++) {
            NewRig rig = rigs.get(i);
            RigModel model = byCode.get(rig.model());
            if (model == null) {
                unknown.add(new Violation("rigs[" + i + "].model", "is not in the rig model catalogue: " + rig.model()));
                makers.add(null);
                continue;
            }
            makers.add(model.manufacturer.code);
            Violation refusal = refusal(i, rig, model, rig.plant() == null ? null : plants.get(rig.plant()));
            if (refusal != null) {
                refusals.put(i, refusal);
            }
        }
        if (!unknown.isEmpty()) {
            throw Problems.unprocessable(unknown);
        }
        return new Catalogued(makers, refusals);
    }

    /** Why the catalogue refuses rig {@code i} as a new rig, or null. */
    private static Violation refusal(int i, NewRig rig, RigModel model, Plant plant) {
        if (model.retiredAt != null) {
            return new Violation("rigs[" + i + "].model", "is retired: " + rig.model());
        }
        if (rig.plant() == null) {
            return null;
        }
        if (plant == null || plant.retiredAt != null) {
            return new Violation("rigs[" + i + "].plant", (plant == null ? "is not a known plant: " : "is retired: ")
                    + rig.plant());
        }
        if (!plant.manufacturer.equals(model.manufacturer.code)) {
            return new Violation("rigs[" + i + "].plant", "belongs to " + plant.manufacturer
                    + ", not to the model's manufacturer " + model.manufacturer.code);
        }
        if (!plant.country.equals(rig.originCountry())) {
            return new Violation("rigs[" + i + "].originCountry", "is not the country of plant "
                    + plant.code + " (" + plant.country + ")");
        }
        return null;
    }

    /** Manufacturers by rig index and the catalogue's refusals, which count for new rigs only. */
    private record Catalogued(List<String> makers, Map<Integer, Violation> refusals) {

        /** @throws io.rigledger.platform.problem.ProblemException 422 with the refusals of rigs not in {@code stored} */
        void refuseNew(List<NewRig> rigs, Set<SerialKey> stored) {
            List<Violation> refused = refusals.entrySet().stream()
                    .filter(e -> !stored.contains(new SerialKey(makers.get(e.getKey()), rigs.get(e.getKey()).serialNumber())))
                    .map(Map.Entry::getValue).toList();
            if (!refused.isEmpty()) {
                throw Problems.unprocessable(refused);
            }
        }
    }

    /** The organisation's registration turn ({@link RigInserts#takeTurn}), held to commit; taken once per call. */
    private void takeTurn(String org) {
        em.unwrap(Session.class).doWork(c -> RigInserts.takeTurn(c, org));
    }

    private Map<SerialKey, Long> insert(String org, String by, List<NewRig> rigs, List<String> makers) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return em.unwrap(Session.class).doReturningWork(c -> RigInserts.insert(c, org, by, now, rigs, makers));
    }

    private Map<SerialKey, StoredRig> existing(String org, List<NewRig> rigs, List<String> makers) {
        List<String> serials = rigs.stream().map(NewRig::serialNumber).toList();
        return em.unwrap(Session.class).doReturningWork(c -> RigInserts.existing(c, org, makers, serials));
    }
}
