package org.attributiongraph.ingest;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * For tests outside this package: a whole bundle checked against the OASIS STIX 2.1 schemas the
 * product ships, each object by the schema of its type with the validator class the STIX reader
 * uses, and the bundle's own properties as common/bundle.json states them. (common/bundle.json
 * itself cannot judge the objects: it lists only some SDO types, not location or incident, and its
 * fallback for the others wants exactly one of core and cyber-observable-core to match, which both do.)
 */
public final class StixSchemaCheck {

    private static final StixSchemas SCHEMAS = new StixSchemas();

    private StixSchemaCheck() {
    }

    /** Every violation, as "pointer: message"; empty when the bundle is valid. */
    public static List<String> violations(JsonNode bundle) {
        List<String> found = new ArrayList<>();
        if (!"bundle".equals(bundle.path("type").asString(null))) {
            found.add("/type: not bundle");
        }
        if (!bundle.path("id").asString("").matches("bundle--[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")) {
            found.add("/id: not a bundle identifier");
        }
        if (!bundle.path("objects").isArray() || bundle.path("objects").isEmpty()) {
            found.add("/objects: not a non-empty array");
        }
        bundle.propertyNames().forEach(name -> {
            if (!java.util.Set.of("type", "id", "objects").contains(name)) {
                found.add("/" + name + ": not a property of a STIX 2.1 bundle");
            }
        });
        int index = 0;
        for (JsonNode object : bundle.path("objects")) {
            String type = object.path("type").asString("");
            if (!SCHEMAS.covers(type)) {
                found.add("/objects/" + index + ": no OASIS schema for type " + type);
            }
            for (var violation : SCHEMAS.validate(type, object)) {
                found.add("/objects/" + index + violation.pointer() + ": " + violation.message());
            }
            index++;
        }
        return found;
    }
}
