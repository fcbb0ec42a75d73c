package io.rigledger.procurement.fakes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.io.UncheckedIOException;

/**
 * inventory-service's listRigs as inventory.yaml describes it, for the one question procurement-service
 * asks: the rig of the organisation the service account names, by serialNumber and manufacturer. It
 * answers from what {@link FakeInventoryBatch} holds (registered through the batch, or set with
 * holds/moves), so a rig's status here is the one the batch would answer.
 */
public class FakeInventoryLookup implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "fake-inventory-lookup";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeInventoryBatch batch;

    FakeInventoryLookup(FakeInventoryBatch batch) {
        this.batch = batch;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        LoggedRequest request = serveEvent.getRequest();
        String org = value(request.queryParameter("organisation"));
        String serial = value(request.queryParameter("serialNumber"));
        String maker = value(request.queryParameter("manufacturer"));
        ObjectNode page = JSON.createObjectNode();
        ArrayNode items = page.putArray("items");
        String key = org + '|' + maker + '|' + serial;
        String id = batch.assets.get(key);
        if (id != null) {
            String[] facts = batch.facts.getOrDefault(key, "antminer-s21|MY").split("\\|");
            items.addObject().put("id", id).put("manufacturer", maker).put("serialNumber", serial).put("model", facts[0])
                    .put("originCountry", facts[1]).put("status", batch.statuses.getOrDefault(key, "RECEIVED"))
                    .put("registeredAt", "2026-11-20T08:00:00Z");
        }
        try {
            return ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition()).but()
                    .withStatus(200).withHeader("Content-Type", "application/json").withBody(JSON.writeValueAsString(page))
                    .build();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String value(QueryParameter p) {
        return p == null || !p.isPresent() ? null : p.firstValue();
    }
}
