package org.attributiongraph.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.attributiongraph.graph.GraphModel.Tlp;
import tools.jackson.databind.JsonNode;

/**
 * TLP markings of a bundle: the marking definitions STIX predefines (TLP 1.0 and TLP 2.0) and the
 * ones the bundle defines itself. An object's TLP is the most restrictive of its
 * {@code object_marking_refs}; other markings (statements, copyright) carry no TLP.
 */
final class StixMarkings {

    /** The STIX TLP 2.0 marking extension. */
    static final String TLP2_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

    /**
     * Predefined ids. TLP 1.0: the OASIS STIX 2.1 schema common/marking-definition.json (TLP:WHITE
     * is TLP:CLEAR in TLP 2.0 words). TLP 2.0: OASIS cti-stix-common-objects,
     * extension-definition-specifications/tlp-2.0/marking-definition.json.
     */
    static final Map<String, Tlp> PREDEFINED = Map.of(
            "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", Tlp.CLEAR,
            "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", Tlp.GREEN,
            "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", Tlp.AMBER,
            "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", Tlp.RED,
            "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", Tlp.CLEAR,
            "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", Tlp.GREEN,
            "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", Tlp.AMBER,
            "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", Tlp.AMBER_STRICT,
            "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", Tlp.RED);

    private final Map<String, Tlp> known;

    private StixMarkings(Map<String, Tlp> known) {
        this.known = known;
    }

    /** The predefined markings plus every TLP marking definition among these objects. */
    static StixMarkings of(List<JsonNode> markingDefinitions) {
        Map<String, Tlp> known = new HashMap<>(PREDEFINED);
        for (JsonNode marking : markingDefinitions) {
            String id = marking.path("id").asString("");
            defined(marking).ifPresent(tlp -> known.putIfAbsent(id, tlp));
        }
        return new StixMarkings(known);
    }

    /** The TLP a marking definition states: TLP 1.0 style ({@code definition_type: tlp}) or the TLP 2.0 extension. */
    static Optional<Tlp> defined(JsonNode marking) {
        if ("tlp".equals(marking.path("definition_type").asString(""))) {
            String word = marking.path("definition").path("tlp").asString("");
            return "white".equalsIgnoreCase(word) ? Optional.of(Tlp.CLEAR) : Tlp.parse(word);
        }
        JsonNode extension = marking.path("extensions").path(TLP2_EXTENSION);
        if (extension.isObject()) {
            return Tlp.parse(extension.path("tlp_2_0").asString(""));
        }
        return Optional.empty();
    }

    /** The most restrictive TLP among the object's markings; empty when none of them is a TLP marking. */
    Optional<Tlp> of(JsonNode object) {
        Tlp result = null;
        for (JsonNode ref : object.path("object_marking_refs")) {
            Tlp tlp = known.get(ref.asString(""));
            if (tlp != null && (result == null || tlp.ordinal() > result.ordinal())) {
                result = tlp;
            }
        }
        return Optional.ofNullable(result);
    }
}
