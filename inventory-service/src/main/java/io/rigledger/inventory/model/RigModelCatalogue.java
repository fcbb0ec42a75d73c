package io.rigledger.inventory.model;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the rig model catalogue. */
@ApplicationScoped
public class RigModelCatalogue {

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

    /** Which of these codes the catalogue holds. */
    public Set<String> known(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Set.of();
        }
        return RigModel.<RigModel>list("code in ?1", codes).stream().map(m -> m.code).collect(Collectors.toSet());
    }
}
