package io.rigledger.inventory.catalogue;

import io.quarkus.panache.common.Sort;
import io.rigledger.platform.problem.Problem.Violation;
import io.rigledger.platform.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads and writes manufacturers and plants (admins write, everyone reads). */
@ApplicationScoped
public class PlantCatalogue {

    @Inject
    EntityManager em;

    public List<Manufacturer> manufacturers() {
        return Manufacturer.listAll(Sort.by("code"));
    }

    public List<Plant> plants() {
        return Plant.listAll(Sort.by("code"));
    }

    public Optional<Plant> find(String code) {
        return Plant.findByIdOptional(code);
    }

    /**
     * Adds or corrects a plant, or retires it (retired = true; false brings it back).
     *
     * @throws io.rigledger.platform.problem.ProblemException 422 for an unknown manufacturer, 409 when the
     *         manufacturer of an existing plant would change, or its country while rigs name the plant (their
     *         recorded country of origin would silently disagree with it)
     */
    @Transactional
    public Plant put(String code, PlantChange change) {
        if (Manufacturer.findById(change.manufacturer()) == null) {
            throw Problems.unprocessable(List.of(new Violation("manufacturer",
                    "is not a known manufacturer: " + change.manufacturer())));
        }
        // locked: a registration naming the plant waits (its foreign key) until the change commits
        Plant plant = Plant.findById(code, LockModeType.PESSIMISTIC_WRITE);
        if (plant == null) {
            plant = new Plant();
            plant.code = code;
            plant.manufacturer = change.manufacturer();
        } else if (!plant.manufacturer.equals(change.manufacturer())) {
            throw Problems.conflict(List.of(new Violation("manufacturer",
                    "cannot change: plant " + code + " belongs to " + plant.manufacturer)));
        }
        if (plant.country != null && !plant.country.equals(change.country()) && namedByRigs(code)) {
            throw Problems.conflict(List.of(new Violation("country", "cannot change: rigs made at plant " + code
                    + " record " + plant.country + " as their country of origin")));
        }
        plant.country = change.country();
        plant.city = change.city();
        plant.confirmed = change.confirmed();
        boolean retire = Boolean.TRUE.equals(change.retired());
        if (retire && plant.retiredAt == null) {
            plant.retiredAt = Instant.now();
        } else if (!retire) {
            plant.retiredAt = null;
        }
        plant.persist();
        return plant;
    }

    private boolean namedByRigs(String code) {
        return !em.createNativeQuery("select 1 from rig where plant_code = ?1 limit 1").setParameter(1, code)
                .getResultList().isEmpty();
    }
}
