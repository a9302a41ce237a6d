package org.attributiongraph.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The official OASIS STIX 2.1 JSON schemas, shipped unchanged under {@code stix/schemas/} (see
 * {@code stix/README.md}). Their {@code $id}s are URLs; they are mapped to the classpath copies so
 * that no {@code $ref} is ever fetched from the network.
 */
final class StixSchemas {

    /** The base of every {@code $id} in the OASIS schemas (the TLP 2.0 schema spells it with https). */
    private static final List<String> ID_PREFIXES = List.of(
            "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/",
            "https://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/");
    private static final String RESOURCES = "stix/schemas/";
    /** Folders holding one schema per object type; of common/, only these describe top-level objects. */
    private static final List<String> FOLDERS = List.of("sdos", "sros", "observables");
    private static final Set<String> COMPOSITE = Set.of("oneOf", "anyOf");
    private static final Set<String> COMMON_OBJECTS = Set.of("marking-definition", "extension-definition", "language-content");

    private final SchemaRegistry registry;
    private final Map<String, Optional<Schema>> byType = new ConcurrentHashMap<>();

    StixSchemas() {
        var config = SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build();
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                .schemaRegistryConfig(config)
                .schemaLoader(loader -> loader
                        .fetchRemoteResources(false)
                        .schemaIdResolvers(ids -> ID_PREFIXES.forEach(prefix -> ids.mapPrefix(prefix, "classpath:" + RESOURCES)))));
    }

    /** One schema violation; {@code pointer} is relative to the validated object ("" for the object itself). */
    record Violation(String pointer, String message) {
    }

    /** Whether the OASIS schemas define this object type (custom {@code x-} types and unknown ones have none). */
    boolean covers(String type) {
        return schema(type).isPresent();
    }

    List<Violation> validate(String type, JsonNode object) {
        var schema = schema(type);
        if (schema.isEmpty()) {
            return List.of();
        }
        List<Error> errors;
        try {
            errors = schema.get().validate(object);
        } catch (JacksonException e) {
            // The validator converts numbers to long to compare them and fails on one beyond that range (-1.5e308).
            return List.of(new Violation("", "STIX 2.1 schema: a number of this object is outside the range a STIX property allows"));
        }
        // "oneOf/anyOf failed" only repeats what a specific error already says; keep it when it is the only one.
        if (errors.stream().anyMatch(e -> !COMPOSITE.contains(e.getKeyword()))) {
            errors = errors.stream().filter(e -> !COMPOSITE.contains(e.getKeyword())).toList();
        }
        List<Violation> violations = new ArrayList<>();
        for (Error error : errors) {
            String pointer = error.getInstanceLocation().toString();
            // A missing property is reported on its parent; point at the property itself.
            if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
                pointer = pointer + "/" + error.getProperty();
            }
            violations.add(new Violation(pointer, "STIX 2.1 schema: " + error.getMessage()));
        }
        return violations;
    }

    private Optional<Schema> schema(String type) {
        return byType.computeIfAbsent(type, t -> resource(t).map(path ->
                registry.getSchema(SchemaLocation.of(ID_PREFIXES.getFirst() + path))));
    }

    private static Optional<String> resource(String type) {
        if (!type.matches("[a-z0-9][a-z0-9-]*")) {
            return Optional.empty();
        }
        List<String> folders = COMMON_OBJECTS.contains(type) ? List.of("common") : FOLDERS;
        for (String folder : folders) {
            String path = folder + "/" + type + ".json";
            if (StixSchemas.class.getClassLoader().getResource(RESOURCES + path) != null) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }
}
