package org.attributiongraph.graph;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The graph vocabulary, written down once: node labels, relationship types, markings and the
 * STIX words they correspond to. Labels and types in Cypher only ever come from here, never from
 * input.
 */
public final class GraphModel {

    /** Every domain node also carries this label; the id constraint on it keys all merges and look-ups. */
    public static final String ENTITY = "Entity";

    private GraphModel() {
    }

    /** Primary node labels, with the STIX object type used for their ids. */
    public enum NodeType {
        Country("location"),
        Agency("identity"),
        Organization("identity"),
        Person("identity"),
        ThreatGroup("intrusion-set"),
        Campaign("campaign"),
        Incident("incident"),
        Software("malware"),
        Sector("x-sector"),
        Source("report"),
        /** A STIX object of a type the model has no label for: kept, with its STIX id and {@code stix_type}. */
        StixObject("x-unknown");

        private final String stixType;

        NodeType(String stixType) {
            this.stixType = stixType;
        }

        public String stixType() {
            return stixType;
        }

        public static Optional<NodeType> parse(String value) {
            return Arrays.stream(values()).filter(t -> t.name().equalsIgnoreCase(value)).findFirst();
        }

        /** The primary type of a node from its labels, in declaration order. */
        public static Optional<NodeType> of(Iterable<String> labels) {
            NodeType found = null;
            for (String label : labels) {
                var type = parse(label);
                if (type.isPresent() && (found == null || type.get().ordinal() < found.ordinal())) {
                    found = type.get();
                }
            }
            return Optional.ofNullable(found);
        }
    }

    /** Extra labels a node may carry beside its primary one. */
    public enum ExtraLabel {
        MSP(NodeType.Organization),
        Contractor(NodeType.Organization),
        Indictment(NodeType.Source),
        Sanction(NodeType.Source);

        private final NodeType on;

        ExtraLabel(NodeType on) {
            this.on = on;
        }

        public NodeType on() {
            return on;
        }

        public static Optional<ExtraLabel> parse(String value) {
            return Arrays.stream(values()).filter(l -> l.name().equals(value)).findFirst();
        }
    }

    public enum RelFamily { RESPONSIBILITY, TARGETING, LEGAL, OTHER }

    public enum RelType {
        ATTRIBUTED_TO(RelFamily.RESPONSIBILITY),
        MEMBER_OF(RelFamily.RESPONSIBILITY),
        EMPLOYED_BY(RelFamily.RESPONSIBILITY),
        CONTRACTED_BY(RelFamily.RESPONSIBILITY),
        PART_OF(RelFamily.RESPONSIBILITY),
        CONTROLLED_BY(RelFamily.RESPONSIBILITY),
        SPONSORED_BY(RelFamily.RESPONSIBILITY),
        TARGETS(RelFamily.TARGETING),
        COMPROMISED(RelFamily.TARGETING),
        SERVES(RelFamily.TARGETING),
        SUBCONTRACTS_TO(RelFamily.TARGETING),
        IN_SECTOR(RelFamily.TARGETING),
        LOCATED_IN(RelFamily.TARGETING),
        USES(RelFamily.TARGETING),
        CHARGES(RelFamily.LEGAL),
        ALLEGES(RelFamily.LEGAL),
        ISSUED_BY(RelFamily.LEGAL),
        DESIGNATES(RelFamily.LEGAL),
        /** A STIX relationship type outside this list; the original type is kept in {@code stix_type}. */
        RELATED_TO(RelFamily.OTHER),
        /** Entity resolution found several candidates: kept apart, linked for an analyst to decide. */
        POSSIBLY_SAME_AS(RelFamily.OTHER);

        /** How a statement file names the relationship type it is given (see {@link #writtenInto}). */
        private static final String DYNAMIC_TYPE = "$($type)";

        private final RelFamily family;

        RelType(RelFamily family) {
            this.family = family;
        }

        public RelFamily family() {
            return family;
        }

        /**
         * The statement with this type written in place of its one dynamic type {@code $($type)}. The
         * planner prices a dynamic type by the store's relationship count: on a store without
         * relationships it checks each MERGE row against every relationship of the type (quadratic in
         * the file), where a written type gets an expand between the two ends at any size.
         */
        public String writtenInto(String statement) {
            if (statement.split(Pattern.quote(DYNAMIC_TYPE), -1).length != 2) {
                throw new IllegalStateException("statement must contain " + DYNAMIC_TYPE + " exactly once");
            }
            return statement.replace(DYNAMIC_TYPE, name());
        }

        /** The statement once per type, each with its type written in (see {@link #writtenInto}). */
        public static Map<RelType, String> writtenIntoEach(String statement) {
            Map<RelType, String> byType = new EnumMap<>(RelType.class);
            for (RelType type : values()) {
                byType.put(type, type.writtenInto(statement));
            }
            return Collections.unmodifiableMap(byType);
        }

        public static Optional<RelType> parse(String value) {
            return Arrays.stream(values()).filter(t -> t.name().equals(value)).findFirst();
        }

        /** The types attribution chains follow, from the actor towards the state. */
        public static Set<RelType> responsibility() {
            var set = EnumSet.noneOf(RelType.class);
            for (RelType t : values()) {
                if (t.family == RelFamily.RESPONSIBILITY) {
                    set.add(t);
                }
            }
            return set;
        }
    }

    /** TLP 2.0 markings, least to most restrictive. */
    public enum Tlp {
        CLEAR("clear"), GREEN("green"), AMBER("amber"), AMBER_STRICT("amber+strict"), RED("red");

        private final String word;

        Tlp(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        /**
         * The words a caller cleared for this level may see: the one place a clearance becomes the
         * {@code $visible} parameter of the read queries ({@code coalesce(x.tlp, 'clear') IN $visible}).
         */
        public List<String> atOrBelow() {
            return Arrays.stream(values()).filter(t -> t.ordinal() <= ordinal()).map(Tlp::word).toList();
        }

        /** The more restrictive of two caps: what both allow. */
        public Tlp min(Tlp other) {
            return ordinal() <= other.ordinal() ? this : other;
        }

        public static Optional<Tlp> parse(String value) {
            if (value == null) {
                return Optional.empty();
            }
            String v = value.toLowerCase(Locale.ROOT).replace("tlp:", "");
            return Arrays.stream(values()).filter(t -> t.word.equals(v)).findFirst();
        }
    }

    /** Kinds of evidence a Source node stands for. */
    public static final List<String> SOURCE_KINDS =
            List.of("indictment", "government-statement", "sanction", "vendor-report", "press", "dataset");

    /** The STIX 2.1 industry-sector open vocabulary: the names Sector nodes may have. */
    public static final Set<String> SECTORS = Set.of(
            "agriculture", "aerospace", "automotive", "chemical", "commercial", "communications",
            "construction", "defense", "education", "energy", "entertainment", "financial-services",
            "government", "government-emergency-services", "government-local", "government-national",
            "government-public-services", "government-regional", "healthcare", "hospitality-leisure",
            "infrastructure", "dams", "nuclear", "water", "insurance", "manufacturing", "mining",
            "non-profit", "pharmaceuticals", "retail", "technology", "telecommunications",
            "transportation", "utilities");
}
