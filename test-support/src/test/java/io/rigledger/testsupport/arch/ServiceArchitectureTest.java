package io.rigledger.testsupport.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each rule of {@link ServiceArchitecture} passes on a fixture service that keeps it and fails, naming
 * the culprit, on one that breaks it: the rules the services apply can fail.
 */
class ServiceArchitectureTest {

    private static final String FIXTURES = "io.rigledger.testsupport.arch.fixture.";
    private static final JavaClasses GOOD = new ClassFileImporter().importPackages(FIXTURES + "good");
    private static final JavaClasses BAD = new ClassFileImporter().importPackages(FIXTURES + "bad");

    private static List<String> violations(ArchRule rule) {
        EvaluationResult result = rule.evaluate(BAD);
        assertTrue(result.hasViolation(), rule.getDescription() + " found nothing wrong in the bad fixture");
        return result.getFailureReport().getDetails();
    }

    private static void assertNamed(List<String> violations, String fragment) {
        assertTrue(violations.stream().anyMatch(v -> v.contains(fragment)), fragment + " not in " + violations);
    }

    @Test
    void aServiceThatKeepsTheRulesPassesThemAll() {
        for (ArchRule rule : ServiceArchitecture.all()) {
            rule.check(GOOD);
        }
    }

    @Test
    void aResourceThatReturnsTakesOrHoldsAnEntityIsCaught() {
        List<String> violations = violations(ServiceArchitecture.entitiesNeverLeaveAResource());
        assertNamed(violations, "RigResource.get() returns");
        assertNamed(violations, "RigResource.add(java.util.List) takes java.util.List<");
        assertNamed(violations, "RigResource.last is of type");
        assertEquals(3, violations.size(), violations.toString());
    }

    @Test
    void aClassOutsideUpstreamThatUsesAGeneratedClientIsCaught() {
        List<String> violations = violations(ServiceArchitecture.onlyUpstreamTouchesGeneratedClients());
        assertNamed(violations, "Shortcut");
        assertTrue(violations.stream().noneMatch(v -> v.startsWith("Field <" + FIXTURES + "bad.upstream.Prices")),
                "the adapter in upstream may use the client: " + violations);
    }

    @Test
    void aTransactionThatReachesANeighbourIsCaughtThroughHelpersLambdasInterfacesAndClassAnnotations() {
        List<String> violations = violations(ServiceArchitecture.noTransactionIsOpenWhileANeighbourIsCalled());
        assertNamed(violations, "RigStore.restock() runs in a transaction and reaches ..upstream..: "
                + FIXTURES + "bad.shop.RigStore.restock() -> " + FIXTURES + "bad.shop.RigStore.helper() -> "
                + FIXTURES + "bad.upstream.Prices.price(java.lang.String)");
        assertNamed(violations, "RigStore.viaLambda()");
        assertNamed(violations, "RigStore.viaInterface()");
        assertNamed(violations, "QuotingService.quote()");
        assertTrue(violations.stream().noneMatch(v -> v.contains("outside()") || v.contains("storeOnly()")),
                "NOT_SUPPORTED and store-only methods are fine: " + violations);
        assertEquals(4, violations.size(), violations.toString());
    }
}
