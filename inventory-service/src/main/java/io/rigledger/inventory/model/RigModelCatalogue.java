package io.rigledger.inventory.model;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.rigledger.inventory.catalogue.Manufacturer;
import io.rigledger.platform.problem.Problem.Violation;
import io.rigledger.platform.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads the rig model catalogue; admins add models, correct their specs and retire them. */
@ApplicationScoped
public class RigModelCatalogue {

    /** The model with this code, retired or not. */
    public Optional<RigModel> find(String code) {
        return RigModel.findByIdOptional(code);
    }

    /** Up to {@code limit} models with a code after {@code afterCode} (all when null), by code. */
    public List<RigModel> page(String afterCode, int limit) {
        if (afterCode == null) {
            return RigModel.findAll(Sort.by("code")).page(0, limit).list();
        }
        return RigModel.find("code > :after", Sort.by("code"), Parameters.with("after", afterCode))
                .page(0, limit).list();
    }

    /** The models with these codes (retired ones too), by code. */
    public Map<String, RigModel> byCode(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return RigModel.<RigModel>list("code in ?1", codes).stream()
                .collect(Collectors.toMap(m -> m.code, m -> m));
    }

    /**
     * Adds a model or corrects it; retired = true retires it, false brings it back. A spec change
     * shows at once in fleet summaries (they multiply rig counts by the current specs).
     *
     * @throws io.rigledger.platform.problem.ProblemException 422 for an unknown manufacturer, 409 when the
     *         manufacturer of an existing model would change
     */
    @Transactional
    public RigModel put(String code, RigModelChange change) {
        Manufacturer maker = Manufacturer.findById(change.manufacturer());
        if (maker == null) {
            throw Problems.unprocessable(List.of(new Violation("manufacturer",
                    "is not a known manufacturer: " + change.manufacturer())));
        }
        RigModel model = RigModel.findById(code);
        if (model == null) {
            model = new RigModel();
            model.code = code;
            model.manufacturer = maker;
        } else if (!model.manufacturer.code.equals(maker.code)) {
            throw Problems.conflict(List.of(new Violation("manufacturer",
                    "cannot change: model " + code + " belongs to " + model.manufacturer.code)));
        }
        model.name = change.name();
        model.hashrateThs = change.hashrateThs();
        model.powerWatts = change.powerWatts();
        model.htsCode = change.htsCode();
        model.specsConfirmed = change.specsConfirmed();
        boolean retire = Boolean.TRUE.equals(change.retired());
        if (retire && model.retiredAt == null) {
            model.retiredAt = Instant.now();
        } else if (!retire) {
            model.retiredAt = null;
        }
        model.persist();
        return model;
    }
}
