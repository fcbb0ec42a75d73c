package io.rigledger.tariff;

import io.quarkus.test.junit.QuarkusTest;
import io.rigledger.testsupport.SecurityMatrix;
import io.rigledger.testsupport.SecurityMatrix.Endpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.UUID;

import static io.rigledger.tariff.TariffTestResources.CONTRACT;
import static io.rigledger.testsupport.ContractExamples.requestExample;
import static io.rigledger.testsupport.SecurityMatrix.endpoint;

/**
 * Every operation of the contract: every refused token is 401 saying why, each role the operation
 * is not for is 403, each role it is for gets past the check. Admin writes are sent empty (400 once
 * past the check), so the matrix changes no schedule.
 */
@QuarkusTest
class SecurityTest {

    private static final String[] QUOTERS = {"operator", "finance", "admin", "service"};
    private static final String[] EVERYONE = {"operator", "finance", "ops", "admin", "service"};
    private static final String NO_ROW = "/api/duty-rates/999999999";
    private static final String NO_FEE = "/api/fees/rates/999999999";
    private static final String[] ENTRY_WRITERS = {"finance", "service"};
    private static final String[] ENTRY_READERS = {"finance", "operator", "admin"};
    /** What procurement-service reads for landed cost, acting for an organisation. */
    private static final String[] LANDED_COST_READERS = {"finance", "operator", "admin", "service"};
    private static final String NO_ENTRY = "/api/entries/" + UUID.randomUUID();

    static final List<Endpoint> ENDPOINTS = List.of(
            endpoint("createDutyQuote", "POST", "/api/duty-quotes", requestExample(CONTRACT, "createDutyQuote"), QUOTERS),
            endpoint("whatIfDutyQuotes", "POST", "/api/duty-quotes/what-if", "{}", QUOTERS),
            endpoint("getDutyQuote", "GET", "/api/duty-quotes/" + UUID.randomUUID(), null, QUOTERS),
            endpoint("listDutyRates", "GET", "/api/duty-rates", null, EVERYONE),
            endpoint("createDutyRate", "POST", "/api/duty-rates", "{}", "admin"),
            endpoint("getDutyRate", "GET", NO_ROW, null, EVERYONE),
            endpoint("correctDutyRate", "PUT", NO_ROW, "{}", "admin"),
            endpoint("supersedeDutyRate", "POST", NO_ROW + "/supersede", "{}", "admin"),
            endpoint("getDutyRateHistory", "GET", NO_ROW + "/history", null, EVERYONE),
            endpoint("listFees", "GET", "/api/fees", null, EVERYONE),
            endpoint("createFeeRate", "POST", "/api/fees/rates", "{}", "admin"),
            endpoint("correctFeeRate", "PUT", NO_FEE, "{}", "admin"),
            endpoint("supersedeFeeRate", "POST", NO_FEE + "/supersede", "{}", "admin"),
            endpoint("getFeeRateHistory", "GET", NO_FEE + "/history", null, EVERYONE),
            endpoint("setMpfYear", "PUT", "/api/fees/mpf-years/2099", "{}", "admin"),
            endpoint("getMpfYearHistory", "GET", "/api/fees/mpf-years/2099/history", null, EVERYONE),
            endpoint("getCaller", "GET", "/api/me", null, EVERYONE),
            endpoint("createEntry", "POST", "/api/entries", "{}", ENTRY_WRITERS),
            endpoint("listEntries", "GET", "/api/entries", null, LANDED_COST_READERS),
            endpoint("getEntry", "GET", NO_ENTRY, null, ENTRY_READERS),
            endpoint("getEntryHistory", "GET", NO_ENTRY + "/history", null, ENTRY_READERS),
            endpoint("getEntryVersion", "GET", NO_ENTRY + "/versions/1", null, ENTRY_READERS),
            endpoint("getEntryAllocation", "GET", NO_ENTRY + "/allocation", null, LANDED_COST_READERS),
            endpoint("recordEntryPayment", "POST", NO_ENTRY + "/payments", "{}", ENTRY_WRITERS),
            endpoint("correctEntry", "POST", NO_ENTRY + "/corrections", "{}", ENTRY_WRITERS),
            endpoint("liquidateEntry", "POST", NO_ENTRY + "/liquidation", "{}", ENTRY_WRITERS),
            endpoint("protestEntry", "POST", NO_ENTRY + "/protest", "{}", ENTRY_WRITERS),
            endpoint("finallyLiquidateEntry", "POST", NO_ENTRY + "/final-liquidation", "{}", ENTRY_WRITERS),
            endpoint("requestEntryRefund", "POST", NO_ENTRY + "/refund-request", "{}", ENTRY_WRITERS),
            endpoint("recordEntryRefund", "POST", NO_ENTRY + "/refunds", "{}", ENTRY_WRITERS),
            endpoint("recordOriginAudit", "POST", NO_ENTRY + "/origin-audits", "{}", ENTRY_WRITERS),
            endpoint("listDeadlines", "GET", "/api/deadlines", null, ENTRY_READERS),
            endpoint("getReconciliation", "GET", "/api/reconciliation?from=2025-01-01&to=2025-12-31", null, ENTRY_READERS),
            endpoint("setReconciliationReason", "PUT", "/api/reconciliation/reasons", "{}", "finance"),
            endpoint("listIeepaRefunds", "GET", "/api/ieepa-refunds", null, "finance", "admin"),
            endpoint("exportCapeFiles", "GET", "/api/ieepa-refunds/cape-files", null, "finance", "admin"));

    static List<SecurityMatrix.Case> cases() {
        return SecurityMatrix.cases(ENDPOINTS);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void onlyTheRolesAnOperationNamesGetThroughAndEveryRefusalSaysWhy(SecurityMatrix.Case c) {
        c.check(CONTRACT);
    }

    @Test
    void theMatrixCoversEveryOperationOfTheContract() {
        SecurityMatrix.assertCoversEveryOperation(CONTRACT, ENDPOINTS);
    }
}
