package io.rigledger.inventory.catalogue;

import io.quarkus.panache.common.Sort;
import io.rigledger.platform.problem.Problem.Violation;
import io.rigledger.platform.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads and writes manufacturers and plants (admins write, everyone reads). */
@ApplicationScoped
public class PlantCatalogue {

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
     *         manufacturer of an existing plant would change
     */
    @Transactional
    public Plant put(String code, PlantChange change) {
        if (Manufacturer.findById(change.manufacturer()) == null) {
            throw Problems.unprocessable(List.of(new Violation("manufacturer",
                    "is not a known manufacturer: " + change.manufacturer())));
        }
        Plant plant = Plant.findById(code);
        if (plant == null) {
            plant = new Plant();
            plant.code = code;
            plant.manufacturer = change.manufacturer();
        } else if (!plant.manufacturer.equals(change.manufacturer())) {
            throw Problems.conflict(List.of(new Violation("manufacturer",
                    "cannot change: plant " + code + " belongs to " + plant.manufacturer)));
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
}
