package io.rigledger.testsupport.fuzz;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generator on a small contract: deterministic per seed, only bad requests, every kind of fault the brief names. */
class BadInputPlanTest {

    static final String THINGS = "src/test/resources/fuzz/things.yaml";

    static BadInputPlan plan(long seed) {
        return BadInputPlan.forContract(THINGS).seed(seed).requests(900).build();
    }

    @Property(tries = 4)
    void theSameSeedPlansTheSameRequests(@ForAll long seed) {
        assertEquals(plan(seed).requests(), plan(seed).requests());
    }

    @Property(tries = 4)
    void everyRequestMadeBadByTheContractAloneIsRefusedByTheContractsValidator(@ForAll long seed) {
        ContractOracle oracle = new ContractOracle(THINGS);
        List<BadRequest> allowed = plan(seed).requests().stream()
                .filter(r -> r.rule() == BadRequest.Rule.CONTRACT && !oracle.refuses(r)).toList();
        assertEquals(List.of(), allowed);
    }

    @Property(tries = 4)
    void reachesTheRequestedCountWithoutSendingAGoodRequest(@ForAll long seed) {
        BadInputPlan plan = plan(seed);
        assertTrue(plan.requests().size() >= 900, "planned " + plan.requests().size());
        FuzzOperation create = plan.operations().stream().filter(op -> op.operationId().equals("createThing")).findFirst().orElseThrow();
        String good = JsonValues.write(create.bodyExample());
        assertFalse(plan.requests().stream().anyMatch(r -> r.body() != null && good.equals(r.bodyText())
                && "application/json".equals(r.contentType()) && r.accept() == null && r.uri().equals("/api/things")));
        assertEquals(plan.requests().size(), Set.copyOf(plan.requests()).size(), "no request twice");
    }

    @Example
    void plansEveryKindOfFaultTheBriefNames() {
        Set<String> kinds = plan(1).requests().stream().map(BadRequest::kind).collect(Collectors.toSet());
        for (String kind : List.of("type.number", "null", "required.missing", "object.unknownProperty", "string.empty",
                "string.10k", "string.1M", "string.control", "utf8.overlong2", "number.aboveMaximum",
                "number.belowMinimum", "number.tooManyDecimals", "number.huge", "array.empty", "array.tooMany",
                "array.10k", "json.deepArray", "json.deepObject", "json.truncated", "json.duplicateKey",
                "mediaType.wrong", "mediaType.missing", "uuid.malformed", "date.malformed", "cursor.notIssued",
                "param.number", "param.utf8", "accept.unsupported")) {
            assertTrue(kinds.contains(kind), "no " + kind + " in " + kinds);
        }
    }

    @Example
    void sendsOverlongUtf8AsRawBytesAndLimitsOfEveryShape() {
        List<BadRequest> requests = plan(7).requests();
        assertTrue(requests.stream().anyMatch(r -> r.kind().equals("utf8.overlong2")
                && HexFormat.of().formatHex(r.body()).contains("c0af")), "no body holds the bytes C0 AF");
        Set<String> limits = requests.stream().filter(r -> r.uri().startsWith("/api/things?limit="))
                .map(r -> ContractOracle.decode(r.uri().substring("/api/things?limit=".length()))).collect(Collectors.toSet());
        assertTrue(limits.containsAll(List.of("-1", "0", "1001", "9223372036854775808", "ten", "\uff11")), "limits " + limits);
        assertTrue(requests.stream().anyMatch(r -> r.body() != null && r.body().length > 1_000_000), "no 1M string");
    }

    @Example
    void declaredDecimalsCountAsAPlatformRuleAndMultipleOfAsTheContracts() {
        List<BadRequest> decimals = plan(3).requests().stream().filter(r -> r.kind().equals("number.tooManyDecimals")).toList();
        assertTrue(decimals.stream().anyMatch(r -> r.target().equals("weightKg") && r.rule() == BadRequest.Rule.PLATFORM));
        assertTrue(decimals.stream().anyMatch(r -> r.target().equals("price") && r.rule() == BadRequest.Rule.CONTRACT));
        assertFalse(decimals.stream().anyMatch(r -> r.target().equals("parts[0].weight")), "weight declares no decimals");
    }

    @Example
    void aContractThatRefusesItsOwnExampleCannotDriveThePlan() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> BadInputPlan.forContract("src/test/resources/fuzz/refuses-own-example.yaml").build());
        assertTrue(e.getMessage().contains("createThing"), e.getMessage());
    }

    @Example
    void readsTheRolesEachOperationAllows() {
        Map<String, Set<String>> roles = ContractOperations.read(THINGS, Map.of()).stream()
                .collect(Collectors.toMap(FuzzOperation::operationId, FuzzOperation::roles));
        assertEquals(Map.of("createThing", Set.of("operator", "admin"), "listThings", Set.of("operator", "finance"),
                "getThing", Set.of("finance")), roles);
    }
}
