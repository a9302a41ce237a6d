package org.attributiongraph.ingest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Reader of STIX 2.1 and STIX 2.0 bundles. It checks every object (the official OASIS schemas for
 * STIX 2.1 objects, the basics for STIX 2.0 and custom ones, well-formed references everywhere) and
 * reports every problem with its line and JSON pointer before anything is mapped; the mapping itself
 * is {@link StixMapper}.
 */
@Component
final class StixReader implements FormatReader {

    /** core.json's pattern for {@code type}. */
    static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*-?");
    /** common/identifier.json's pattern: {@code <type>--<UUID>}. */
    static final Pattern IDENTIFIER = Pattern.compile(
            "([a-z][a-z0-9-]+[a-z0-9])--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}");
    /** common/timestamp.json's pattern: RFC 3339 in UTC. */
    private static final Pattern TIMESTAMP = Pattern.compile(
            "[0-9]{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9]|60)(\\.[0-9]+)?Z");
    private static final Pattern ISO2 = Pattern.compile("[A-Za-z]{2}");
    /** The STIX 2.1 cyber-observable types: they have no created/modified. */
    static final Set<String> OBSERVABLE_TYPES = Set.of("artifact", "autonomous-system", "directory", "domain-name",
            "email-addr", "email-message", "file", "ipv4-addr", "ipv6-addr", "mac-addr", "mutex", "network-traffic",
            "process", "software", "url", "user-account", "windows-registry-key", "x509-certificate");
    private static final List<String> REFS = List.of("created_by_ref", "source_ref", "target_ref");
    private static final List<String> REF_LISTS = List.of("object_refs", "object_marking_refs");

    private final StixSchemas schemas = new StixSchemas();

    @Override
    public String format() {
        return "stix";
    }

    @Override
    public ImportBatch read(String file, byte[] content) {
        var doc = LocatedJson.parseObject(file, content, "not a STIX bundle: a bundle is a JSON object {\"type\": \"bundle\", ...}");
        var check = new Check(file, doc);
        List<BundleObject> objects = checkBundle(check, doc.root());
        check.throwIfAny();
        var latest = latestVersions(objects);
        return new StixMapper(latest, objects.size() - latest.size()).map();
    }

    private List<BundleObject> checkBundle(Check check, JsonNode root) {
        String type = check.text(root, "", "type", true);
        if (type != null && !type.equals("bundle")) {
            check.problem("/type", "not a STIX bundle: type is \"" + type + "\"; wrap the objects in "
                    + "{\"type\": \"bundle\", \"id\": \"bundle--<UUID>\", \"objects\": [...]}");
        }
        String id = check.text(root, "", "id", true);
        if (id != null && !(IDENTIFIER.matcher(id).matches() && id.startsWith("bundle--"))) {
            check.problem("/id", "bundle id \"" + id + "\" is not \"bundle--<UUID>\"");
        }
        String spec = check.text(root, "", "spec_version", false);
        if (spec != null && !Set.of("2.0", "2.1").contains(spec)) {
            check.problem("/spec_version", "spec_version \"" + spec + "\" is not 2.0 or 2.1");
        }
        JsonNode array = root.get("objects");
        if (array == null || !array.isArray()) {
            check.problem("/objects", "objects is required: the array of STIX objects");
            return List.of();
        }
        // STIX 2.1 SDOs carry spec_version; observables may leave it out and then share the bundle's version.
        boolean bundleIs21 = false;
        for (JsonNode object : array) {
            bundleIs21 |= "2.1".equals(BundleObject.text(object, "spec_version"));
        }
        List<BundleObject> objects = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            var object = checkObject(check, array.get(i), i, bundleIs21);
            if (object != null) {
                objects.add(object);
            }
        }
        return objects;
    }

    private BundleObject checkObject(Check check, JsonNode node, int index, boolean bundleIs21) {
        String at = "/objects/" + index;
        if (!node.isObject()) {
            check.problem(at, "a STIX object must be a JSON object");
            return null;
        }
        String type = check.text(node, at, "type", true);
        if (type != null && !TYPE.matcher(type).matches()) {
            check.problem(at + "/type", "type \"" + type + "\" is not a STIX type (lower-case letters, digits and hyphens)");
            type = null;
        }
        String id = check.text(node, at, "id", true);
        if (id != null && !IDENTIFIER.matcher(id).matches()) {
            check.problem(at + "/id", "id \"" + id + "\" is not a STIX identifier (<type>--<UUID>)");
            id = null;
        } else if (id != null && type != null && !id.startsWith(type + "--")) {
            check.problem(at + "/id", "id \"" + id + "\" does not start with its type \"" + type + "--\"");
            id = null;
        }
        String spec = check.text(node, at, "spec_version", false);
        if (spec != null && !Set.of("2.0", "2.1").contains(spec)) {
            check.problem(at + "/spec_version", "spec_version \"" + spec + "\" is not 2.0 or 2.1");
        }
        boolean observable = type != null && OBSERVABLE_TYPES.contains(type);
        boolean v21 = "2.1".equals(spec) || spec == null && observable && bundleIs21;
        if (type != null && !observable) {
            check.timestamp(node, at, "created");
            if (!type.equals("marking-definition")) {
                check.timestamp(node, at, "modified");
            }
        }
        for (String field : REFS) {
            check.reference(node, at, field, "relationship".equals(type) && !field.equals("created_by_ref"));
        }
        for (String field : REF_LISTS) {
            check.references(node, at, field);
        }
        if ("relationship".equals(type)) {
            check.text(node, at, "relationship_type", true);
        }
        if ("location".equals(type)) {
            String country = BundleObject.text(node, "country");
            if (country != null && !ISO2.matcher(country).matches()) {
                check.problem(at + "/country", "country \"" + country + "\" is not an ISO 3166-1 alpha-2 code");
            }
        }
        if (v21 && type != null && schemas.covers(type)) {
            for (var violation : schemas.validate(type, node)) {
                check.problemUnlessReported(at + violation.pointer(), violation.message());
            }
        }
        return type == null || id == null ? null : new BundleObject(index, type, id, v21, node);
    }

    /** STIX lets a bundle carry several versions of one object; the newest {@code modified} wins. */
    private static List<BundleObject> latestVersions(List<BundleObject> objects) {
        Map<String, BundleObject> byId = new LinkedHashMap<>();
        for (BundleObject object : objects) {
            byId.merge(object.id(), object, (a, b) -> modified(b).isAfter(modified(a)) ? b : a);
        }
        return List.copyOf(byId.values());
    }

    private static Instant modified(BundleObject object) {
        String text = object.text("modified");
        try {
            return text == null ? Instant.MIN : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.MIN;
        }
    }

    /** Collects problems; every check reports what is wrong and carries on. */
    private static final class Check extends FileProblems {

        Check(String file, LocatedJson doc) {
            super(file, doc);
        }

        /** For schema violations: a value that a basic check already reported is not reported twice. */
        void problemUnlessReported(String pointer, String message) {
            if (!reported(pointer)) {
                problem(pointer, message);
            }
        }

        String text(JsonNode node, String at, String field, boolean required) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                if (required) {
                    problem(at + "/" + field, field + " is required");
                }
                return null;
            }
            if (!value.isString() || value.asString().isBlank()) {
                problem(at + "/" + field, field + " must be a non-empty string");
                return null;
            }
            return value.asString();
        }

        void timestamp(JsonNode node, String at, String field) {
            String text = text(node, at, field, true);
            if (text != null && !TIMESTAMP.matcher(text).matches()) {
                problem(at + "/" + field, field + " \"" + text + "\" is not a STIX timestamp (YYYY-MM-DDTHH:MM:SS[.sss]Z)");
            }
        }

        void reference(JsonNode node, String at, String field, boolean required) {
            String text = text(node, at, field, required);
            if (text != null && !IDENTIFIER.matcher(text).matches()) {
                problem(at + "/" + field, field + " \"" + text + "\" is not a STIX identifier (<type>--<UUID>)");
            }
        }

        void references(JsonNode node, String at, String field) {
            JsonNode value = node.get(field);
            if (value == null) {
                return;
            }
            if (!value.isArray()) {
                problem(at + "/" + field, field + " must be an array of STIX identifiers");
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                JsonNode ref = value.get(i);
                if (!ref.isString() || !IDENTIFIER.matcher(ref.asString()).matches()) {
                    problem(at + "/" + field + "/" + i, ref + " is not a STIX identifier (<type>--<UUID>)");
                }
            }
        }
    }
}
