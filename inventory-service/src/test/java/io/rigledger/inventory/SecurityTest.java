package io.rigledger.inventory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.rigledger.inventory.fakes.FakeProcurement;
import io.rigledger.inventory.fakes.InjectFakeProcurement;
import io.rigledger.testsupport.MatrixFixture;
import io.rigledger.testsupport.SecurityMatrix;
import io.rigledger.testsupport.Tokens;
import io.rigledger.testsupport.UnknownKeyIntrospection;
import io.swagger.v3.core.util.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.rigledger.inventory.Fleet.newCode;
import static io.rigledger.inventory.Fleet.newSerial;
import static io.rigledger.inventory.InventoryTestResources.CONTRACT;
import static io.rigledger.testsupport.ContractExamples.requestExample;

/**
 * The authorisation matrix of inventory.yaml, generated from the contract's x-rigledger-roles and
 * x-rigledger-tenancy (see {@link SecurityMatrix}): every refused token is 401 saying why, each role
 * an operation does not name is 403, each it names gets past the check, each catalogue write really
 * happens once, on a model and a plant of the matrix's own, and both organisations then read the same,
 * and a person of one organisation gets 404 for another's real rig, site and rack (which stay
 * unchanged), reads its own, and sees none of another's rigs, serials, sites or their histories in
 * lists (on any page), the export and the fleet summary.
 */
@QuarkusTest
class SecurityTest {

    private static final SecurityMatrix MATRIX = SecurityMatrix.of(CONTRACT, SecurityTest::resources);

    @OidcWireMock
    WireMockServer oidc;

    /** A token of another realm is introspected; Keycloak answers it inactive, so does the mock server. */
    @BeforeEach
    void unknownKeysAnsweredInactive() {
        UnknownKeyIntrospection.answeredInactive(oidc);
    }
    /** The fake procurement-service, for the fixture (made by the first cell, after the first injection). */
    private static volatile FakeProcurement procurement;

    @InjectFakeProcurement
    FakeProcurement fake;

    @BeforeEach
    void shareTheFake() {
        procurement = fake;
    }

    /**
     * In each organisation: a site, a rack in it and a rig deployed to the rack's first slot, so
     * the summary grouped by site shows the site, and a purchase order procurement-service holds.
     * Org A's requests: fresh serial numbers for each registration, org A's rig moved within its
     * rack for a deployment; org B's rig, site, rack, order and name are tried in every id field.
     * Org B also uses org A's codes (its second site has org A's site's code, with a rack of org A's
     * rack's code holding its second rig, which has org A's second rig's MAC), and each listing is
     * read under each of its filters with these values (R-11b defects 3 and 4).
     */
    static void resources(MatrixFixture f) {
        Resources a = Resources.in(f.callerOrg(), null);
        // org B's second site has org A's site's code: a site code is each organisation's own name, so a
        // read by code that forgets the organisation (a site's history, racks) shows org B's rows to org A
        Resources b = Resources.in(f.otherOrg(), a.site);
        // ... and in that site org B has a rack with org A's rack's code (in a row of its own, the marker) holding
        // its second rig, which has the MAC org A's second rig has (a MAC is unique within an organisation only):
        // a read of a rack, a site's racks or rigs by code or MAC that forgets the organisation shows org B's
        String otherRow = "R" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String sharedMac = mac();
        Fleet.as(Tokens.ops(f.otherOrg())).body("{\"row\":\"" + otherRow + "\",\"slots\":4}")
                .put("/api/sites/" + b.spareSite + "/racks/" + a.rack).then().statusCode(200);
        Fleet.deploy(Tokens.ops(f.otherOrg()), b.spareRig, b.spareSite, a.rack, 1);
        for (String org : List.of(f.callerOrg(), f.otherOrg())) {
            Fleet.as(Tokens.ops(org)).body("{\"mac\":\"" + sharedMac + "\"}")
                    .put("/api/rigs/" + (org.equals(f.callerOrg()) ? a.spareRig : b.spareRig) + "/mac").then().statusCode(200);
        }
        String otherOrder = procurement.hasOrder(f.otherOrg(), 1).toString();
        // org A's second and third rigs of its deploy (to its rack's fifth and sixth slots, which nothing else uses)
        String deployed = Fleet.newRig(Tokens.ops(f.callerOrg()), "antminer-s21", "MY");
        String deployedLast = Fleet.newRig(Tokens.ops(f.callerOrg()), "antminer-s21", "MY");
        // the catalogue writes of the matrix really happen, on a model and a plant of its own
        String model = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
        String plant = "MATRIX-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        Fleet.as(Tokens.admin()).body(catalogueEntry("putRigModel", "name", "Matrix model "))
                .put("/api/rig-models/" + model).then().statusCode(200);
        Fleet.as(Tokens.admin()).body(catalogueEntry("putPlant", "city", "Matrix city "))
                .put("/api/plants/" + plant).then().statusCode(200);
        f.field("rig", b.rig, "RIG-999999998")
                .field("site", b.site, newCode())
                .field("rack", b.rack, newCode())
                .field("purchaseOrderId", otherOrder, UUID.randomUUID().toString())
                .field("organisation", f.otherOrg(), "matrix-nobody-" + UUID.randomUUID().toString().substring(0, 8))
                // a serial number (per manufacturer) and a MAC are unique within an organisation only (fresh review
                // R-11f D3): org B registers a rig of each just before the cell, org A's registration or MAC with it
                // must be answered as with a made-up one
                .field("serialNumber", () -> new MatrixFixture.Ids(null, otherRig(f, newSerial(), null), newSerial()))
                .field("mac", () -> {
                    String mac = mac();
                    otherRig(f, newSerial(), mac);
                    return new MatrixFixture.Ids(null, mac, mac());
                })
                .serviceOrg("organisation")
                // a rack code is unique within its site: org B's rack is looked up in org A's site (R-11g D2)
                .fieldQuery("listRigs:rack", "site=" + a.site)
                // three items in each batch: org B's value is tried in the first, the middle and the last (fresh
                // reviews R-11g D1, R-11i P3)
                .body("registerRigs", () -> Fleet.registration(Fleet.rig(newSerial(), "antminer-s21", "MY"),
                        Fleet.rig(newSerial(), "antminer-s21", "MY"), Fleet.rig(newSerial(), "antminer-s21", "MY")))
                .body("registerRigBatch", () -> Fleet.registration(Fleet.rig(newSerial(), "antminer-s21", "MY"),
                        Fleet.rig(newSerial(), "antminer-s21", "MY"), Fleet.rig(newSerial(), "antminer-s21", "MY")))
                .body("deployRigs", "{\"placements\":[{\"rig\":\"" + a.rig + "\",\"position\":"
                        + Fleet.position(a.site, a.rack, 3) + "},{\"rig\":\"" + deployed + "\",\"position\":"
                        + Fleet.position(a.site, a.rack, 5) + "},{\"rig\":\"" + deployedLast + "\",\"position\":"
                        + Fleet.position(a.site, a.rack, 6) + "}]}")
                .ids("/api/rigs/{id}", a.rig, b.rig, "RIG-999999998")
                .ids("/api/sites/{site}", a.site, b.site, newCode())
                .ids("/api/sites/{site}/racks/{rack}", a.rack, b.rack, newCode())
                .shared("/api/rig-models/{code}", model, "no-such-model")
                .shared("/api/plants/{code}", plant, "NO-SUCH-PLANT")
                .body("putRigModel", () -> catalogueEntry("putRigModel", "name", "Matrix model "))
                .body("putPlant", () -> catalogueEntry("putPlant", "city", "Matrix city "))
                .mark(b.serial, b.spareSerial, "Hall " + b.site, otherRow)
                .ownMark(a.serial, a.spareSerial, a.spareSite)
                .query("getFleetSummary", "groupBy=site")
                .body("transitionRig", "{\"to\":\"DEPLOYED\",\"position\":" + Fleet.position(a.site, a.rack, 2) + "}")
                .upsert("putSite", "a site code is the organisation's own name: another's code creates the caller's site");
        // each listing's filters, with the codes both organisations use (org A's own value first)
        f.queryParams().filter("site", a.site, b.site)
                .filter("rack", a.rack + "&site=" + a.site, b.rack + "&site=" + b.site)
                .filter("mac", sharedMac)
                .filter("serialNumber", a.serial, b.serial, b.spareSerial)
                .filter("model", "antminer-s21", "antminer-s21-plus")
                .filter("manufacturer", "BITMAIN")
                .filter("originCountry", "MY", "CN")
                .holds("status", "DEPLOYED", "RECEIVED")
                .holds("groupBy", "site")
                .onePage("serialNumber", "a serial number names one rig of an organisation")
                .onePage("mac", "a MAC names one rig of an organisation")
                .unfiltered("purchaseOrderId", "an id: org B's order is tried in it by its id-field cells")
                .unfiltered("organisation", "the service account's organisation: org B's is tried in it by its id-field"
                        + " cells, the service account's walks name org A's and org B's");
        f.twins().writes(SecurityTest::twinFleet)
                // each twin moves its own first rig within its own rack (the fixture's body names org A's)
                .body("transitionRig", t -> "{\"to\":\"DEPLOYED\",\"position\":" + Fleet.position(t.get("<site>"),
                        t.get("<rack>"), 2) + "}");
    }

    /**
     * One organisation's rig, site and rack, made by its ops person through the API, a second
     * rig (registered only) and site, so that each paged list of the matrix (rigs, sites, the rig's
     * registration and deployment, the site's capacity set and raised) has two rows of each organisation,
     * and a third rig deployed in the rack's fourth slot (of six: the fifth and sixth are the matrix deploy's), so that the list of rigs under a filter
     * (status=DEPLOYED, the site, the rack) has two too.
     *
     * @param spareSiteCode the second site's code, or null for a new one (org B's is org A's first site's code)
     */
    private record Resources(String rig, String serial, String site, String rack, String spareRig, String spareSerial,
                             String spareSite) {
        static Resources in(String org, String spareSiteCode) {
            String ops = Tokens.ops(org);
            String site = newCode();
            String spareSite = spareSiteCode == null ? newCode() : spareSiteCode;
            String rack = newCode();
            String serial = newSerial();
            String spareSerial = newSerial();
            Fleet.site(ops, site, 500);
            Fleet.site(ops, site, 600);
            Fleet.site(ops, spareSite, 100);
            Fleet.rack(ops, site, rack, 6);
            String thirdSerial = newSerial();
            List<Map<String, Object>> rigs = Fleet.register(ops, Fleet.rig(serial, "antminer-s21", "MY"),
                    Fleet.rig(spareSerial, "antminer-s21", "MY"), Fleet.rig(thirdSerial, "antminer-s21", "MY"));
            String rig = idOf(rigs, serial);
            Fleet.deploy(ops, rig, site, rack, 1);
            // a second rig deployed in the same rack: two rows under each filter the first rig matches (site,
            // rack, status=DEPLOYED...), so the filter cells, one row a page, reach page 2 (R-11c D3)
            Fleet.deploy(ops, idOf(rigs, thirdSerial), site, rack, 4);
            return new Resources(rig, serial, site, rack, idOf(rigs, spareSerial), spareSerial, spareSite);
        }

        private static String idOf(List<Map<String, Object>> rigs, String serial) {
            return rigs.stream().filter(r -> serial.equals(r.get("serialNumber"))).map(r -> (String) r.get("id"))
                    .findFirst().orElseThrow();
        }
    }

    /**
     * Registers one rig in org B (by its ops person), with a MAC when one is given, and answers its
     * serial number; its asset id becomes a marker org A's answers must not show.
     */
    private static String otherRig(MatrixFixture f, String serial, String mac) {
        String rig = "{\"serialNumber\":\"" + serial + "\",\"model\":\"antminer-s21\",\"originCountry\":\"MY\""
                + (mac == null ? "" : ",\"mac\":\"" + mac + "\"") + "}";
        f.mark((String) Fleet.register(Tokens.ops(f.otherOrg()), rig).get(0).get("id"));
        return serial;
    }

    /**
     * The twins' writes (fresh reviews R-11f D1, R-11h D3): in a fresh organisation a site, a rack in it and two
     * rigs, the first deployed to the rack's first slot (six changes of its fleet, so every twin's rollups end at
     * the same version), with codes, serial numbers and a MAC of one fresh stem each, or those of {@code like}
     * (the sharer reuses the first twin's site and rack codes, serial numbers and MAC: each organisation's own
     * names). Answers them by name, with the first rig's id, the site's and the rack's codes under their paths.
     */
    private static Map<String, String> twinFleet(String org, Map<String, String> like) {
        String stem = UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
        String ops = Tokens.ops(org);
        Map<String, String> values = new java.util.LinkedHashMap<>(Map.of("<site>", "TS" + stem, "<rack>", "TR" + stem,
                "<serial1>", "TN" + stem + "1", "<serial2>", "TN" + stem + "2",
                "<mac>", String.join(":", stem.toLowerCase(Locale.ROOT).split("(?<=\\G..)")) + ":00:01"));
        values.replaceAll((name, own) -> like.getOrDefault(name, own));
        Fleet.site(ops, values.get("<site>"), 500);
        Fleet.rack(ops, values.get("<site>"), values.get("<rack>"), 4);
        List<Map<String, Object>> rigs = Fleet.register(ops, Fleet.rig(values.get("<serial1>"), "antminer-s21", "MY"),
                "{\"serialNumber\":\"" + values.get("<serial2>") + "\",\"model\":\"antminer-s21\",\"originCountry\":\"MY\",\"mac\":\""
                        + values.get("<mac>") + "\"}");
        String rig = Resources.idOf(rigs, values.get("<serial1>"));
        Fleet.deploy(ops, rig, values.get("<site>"), values.get("<rack>"), 1);
        values.put("/api/rigs/{id}", rig);
        values.put("/api/sites/{site}", values.get("<site>"));
        values.put("/api/sites/{site}/racks/{rack}", values.get("<rack>"));
        return values;
    }

    /** A fresh MAC address, six colon-separated hex pairs. */
    private static String mac() {
        String hex = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return String.join(":", hex.split("(?<=\\G..)"));
    }

    /** The contract's example of a catalogue write with one text property made new, so each write shows. */
    private static String catalogueEntry(String operationId, String property, String prefix) {
        try {
            ObjectNode node = (ObjectNode) Json.mapper().readTree(requestExample(CONTRACT, operationId));
            node.put(property, prefix + UUID.randomUUID().toString().substring(0, 8));
            return Json.mapper().writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Named<SecurityMatrix.Cell>> cells() {
        return MATRIX.namedCells();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void everyOperationAnswersEachRoleAndOrganisationAsItsContractSays(SecurityMatrix.Cell cell) {
        MATRIX.check(cell);
    }
}
