package io.rigledger.testsupport.fuzz;

import io.rigledger.testsupport.Tokens;

import java.util.List;
import java.util.function.Function;

/**
 * A token for each operation of a role its contract allows, so that a bad request reaches
 * validation instead of being refused with 403. People come first (operator, ops, finance), then
 * admin, then a service account.
 */
public final class RoleTokens implements Function<FuzzOperation, String> {

    private static final List<String> PREFERENCE = List.of("operator", "ops", "finance", "admin", "service");

    private final String organisation;

    /** @param organisation the org claim of the people's tokens */
    public RoleTokens(String organisation) {
        this.organisation = organisation;
    }

    @Override
    public String apply(FuzzOperation op) {
        String role = PREFERENCE.stream().filter(op.roles()::contains).findFirst()
                .orElseThrow(() -> new IllegalStateException(op.operationId() + " allows none of " + PREFERENCE
                        + ": " + op.roles()));
        return switch (role) {
            case "admin" -> Tokens.admin();
            case "service" -> Tokens.service("fuzz");
            default -> Tokens.user(role + "-" + organisation, organisation, role);
        };
    }
}
