package org.attributiongraph.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.attributiongraph.graph.GraphModel.ExtraLabel;
import org.attributiongraph.graph.GraphModel.NodeType;
import org.attributiongraph.graph.GraphModel.RelType;
import org.attributiongraph.graph.Ids;

/**
 * A deterministic, seeded MSP ecosystem at any scale: providers (0.5% of organizations, at least
 * 10) whose client counts follow a Zipf law, so a few providers serve a large part of the world;
 * providers that serve other providers; clients with a country and a sector; threat groups that
 * target and compromise providers, run campaigns, and reach a state through members, front
 * companies, bureaus and ministries. The same seed and size always give the same graph.
 * Batches are handed to a sink in dependency order, so each can be written on its own.
 */
final class SyntheticEcosystem {

    static final List<String> COUNTRIES = List.of("US", "GB", "DE", "FR", "JP", "IN", "CA", "AU", "BR", "NL", "SE", "CH",
            "FI", "IT", "ES", "KR", "SG", "AE", "ZA", "MX", "PL", "NO", "DK", "IE", "BE", "AT", "IL", "NZ", "TW", "CN");
    static final List<String> SECTORS = List.of("healthcare", "financial-services", "manufacturing", "technology", "government",
            "energy", "telecommunications", "retail", "education", "transportation", "defense", "pharmaceuticals",
            "insurance", "mining", "aerospace", "utilities");
    private static final List<String> STATES = List.of("CN", "RU", "IR", "KP", "VN");
    private static final String[] WORDS = {"Northern", "Harbor", "Summit", "Granite", "Cedar", "Atlas", "Beacon", "Vertex",
        "Orchid", "Falcon", "Meridian", "Pioneer", "Crescent", "Sterling", "Juniper", "Horizon", "Keystone", "Lumen",
        "Redwood", "Silver", "Coastal", "Prairie", "Quartz", "Aurora"};
    private static final String[] KINDS = {"Logistics", "Health", "Bank", "Foods", "Energy", "Labs", "Airlines", "Retail",
        "Insurance", "Motors", "Pharma", "Telecom", "Mining", "Systems", "Capital", "Works"};
    static final int CHUNK = 50_000;
    private static final LocalDate PUBLISHED = LocalDate.of(2024, 1, 15);

    /** What was generated: sizes, and ids tests and benchmarks look up. */
    record Summary(int organizations, int providers, int groups, long relationships, String largestProvider,
                   String medianProvider, String smallestProvider, String firstGroup) {
    }

    private final SplittableRandom random;
    private final int orgs;
    private final int providers;
    private final int groups;
    private final double[] cumulative;
    private long relationships;

    SyntheticEcosystem(int orgs, long seed) {
        if (orgs < 20) {
            throw new IllegalArgumentException("--orgs must be at least 20");
        }
        this.random = new SplittableRandom(seed);
        this.orgs = orgs;
        this.providers = Math.max(10, orgs / 200);
        this.groups = Math.max(3, Math.min(200, orgs / 5_000));
        // Zipf(1.1) weights over providers: provider 0 is the largest.
        this.cumulative = new double[providers];
        double sum = 0;
        for (int i = 0; i < providers; i++) {
            sum += 1.0 / Math.pow(i + 1, 1.1);
            cumulative[i] = sum;
        }
        for (int i = 0; i < providers; i++) {
            cumulative[i] /= sum;
        }
    }

    static String providerId(int i) {
        return Ids.of(NodeType.Organization, "synthetic provider " + i);
    }

    static String groupId(int g) {
        return Ids.of(NodeType.ThreatGroup, "synthetic group " + g);
    }

    static String campaignId(int g) {
        return Ids.of(NodeType.Campaign, "synthetic campaign " + g);
    }

    private static String orgId(int i) {
        return Ids.of(NodeType.Organization, "synthetic org " + i);
    }

    private static String source(int i) {
        return Ids.of(NodeType.Source, "https://synthetic.example.invalid/report/" + i);
    }

    Summary generate(Consumer<ImportBatch> sink) {
        sink.accept(reference());
        sink.accept(threatActors());
        sink.accept(providerNodes());
        int clients = orgs - providers;
        for (int start = 0; start < clients; start += CHUNK) {
            sink.accept(clientChunk(start, Math.min(clients, start + CHUNK)));
        }
        return new Summary(orgs, providers, groups, relationships, providerId(0), providerId(providers / 2),
                providerId(providers - 1), groupId(0));
    }

    /** Countries, sectors and the synthetic reports every relationship cites. */
    private ImportBatch reference() {
        List<NodeRecord> nodes = new ArrayList<>();
        for (String iso : COUNTRIES) {
            nodes.add(node(Ids.of(NodeType.Country, iso), NodeType.Country, "Country " + iso, Map.of("country", iso)));
        }
        for (String iso : STATES) {
            if (!COUNTRIES.contains(iso)) {
                nodes.add(node(Ids.of(NodeType.Country, iso), NodeType.Country, "Country " + iso, Map.of("country", iso)));
            }
        }
        for (String sector : SECTORS) {
            nodes.add(node(Ids.of(NodeType.Sector, sector), NodeType.Sector, sector, Map.of()));
        }
        for (int i = 0; i < 10; i++) {
            String url = "https://synthetic.example.invalid/report/" + i;
            nodes.add(node(source(i), NodeType.Source, "Synthetic report " + i, Map.of("kind", "dataset", "title", "Synthetic report " + i,
                    "url", url, "publisher", "Synthetic ecosystem generator", "published", PUBLISHED.plusDays(i))));
        }
        return new ImportBatch(nodes, List.of(), List.of());
    }

    /** Groups with members, front companies, bureaus and ministries up to a state; campaigns. */
    private ImportBatch threatActors() {
        List<NodeRecord> nodes = new ArrayList<>();
        List<RelationshipRecord> rels = new ArrayList<>();
        for (String state : STATES) {
            String ministry = Ids.of(NodeType.Agency, "synthetic ministry " + state);
            nodes.add(node(ministry, NodeType.Agency, "Ministry of Security " + state, Map.of()));
            rels.add(rel(ministry, RelType.PART_OF, Ids.of(NodeType.Country, state), 95));
            for (int b = 0; b < 3; b++) {
                String bureau = Ids.of(NodeType.Agency, "synthetic bureau " + state + " " + b);
                nodes.add(node(bureau, NodeType.Agency, "Bureau " + b + " of " + state, Map.of()));
                rels.add(rel(bureau, RelType.PART_OF, ministry, 90));
            }
        }
        for (int g = 0; g < groups; g++) {
            String state = STATES.get(g % STATES.size());
            String group = groupId(g);
            nodes.add(node(group, NodeType.ThreatGroup, "Synthetic Group " + g, Map.of()));
            String front = Ids.of(NodeType.Organization, "synthetic front " + g);
            nodes.add(new NodeRecord(front, NodeType.Organization, EnumSet.of(ExtraLabel.Contractor),
                    props("Front Company " + g, Map.of()), List.of(), List.of()));
            rels.add(rel(front, RelType.CONTRACTED_BY, Ids.of(NodeType.Agency, "synthetic bureau " + state + " " + (g % 3)),
                    50 + random.nextInt(46)));
            int members = 1 + random.nextInt(3);
            for (int m = 0; m < members; m++) {
                String person = Ids.of(NodeType.Person, "synthetic person " + g + " " + m);
                nodes.add(node(person, NodeType.Person, "Member " + m + " of Group " + g, Map.of()));
                rels.add(rel(group, RelType.ATTRIBUTED_TO, person, 60 + random.nextInt(36)));
                rels.add(rel(person, RelType.EMPLOYED_BY, front, 60 + random.nextInt(36)));
            }
            if (g % 4 == 0) {
                rels.add(rel(group, RelType.SPONSORED_BY, Ids.of(NodeType.Agency, "synthetic ministry " + state), 40 + random.nextInt(50)));
            }
            String campaign = campaignId(g);
            nodes.add(node(campaign, NodeType.Campaign, "Operation " + WORDS[g % WORDS.length] + " " + g, Map.of()));
            rels.add(rel(campaign, RelType.ATTRIBUTED_TO, group, 70 + random.nextInt(26)));
        }
        return new ImportBatch(nodes, rels, List.of());
    }

    /** Providers, the providers they serve, and which groups went after them. */
    private ImportBatch providerNodes() {
        List<NodeRecord> nodes = new ArrayList<>();
        List<RelationshipRecord> rels = new ArrayList<>();
        for (int i = 0; i < providers; i++) {
            nodes.add(new NodeRecord(providerId(i), NodeType.Organization, EnumSet.of(ExtraLabel.MSP),
                    props(name(i) + " IT Services " + i, Map.of()), List.of(), List.of()));
            located(rels, providerId(i), "technology");
        }
        for (int i = 0; i < providers; i++) {
            // A provider outsources to 0-2 others, preferably big ones; cycles can happen, as in life.
            int upstream = random.nextInt(3);
            for (int k = 0; k < upstream; k++) {
                int other = pickProvider();
                if (other != i) {
                    rels.add(rel(providerId(other), RelType.SERVES, providerId(i), 50 + random.nextInt(46)));
                }
            }
        }
        for (int g = 0; g < groups; g++) {
            int targets = 1 + random.nextInt(10);
            for (int k = 0; k < targets; k++) {
                RelType type = random.nextInt(3) == 0 ? RelType.COMPROMISED : RelType.TARGETS;
                rels.add(rel(groupId(g), type, providerId(pickProvider()), 40 + random.nextInt(56)));
            }
            rels.add(rel(campaignId(g), RelType.TARGETS, providerId(pickProvider()), 60));
        }
        return new ImportBatch(nodes, dedupe(rels), List.of());
    }

    private ImportBatch clientChunk(int from, int to) {
        List<NodeRecord> nodes = new ArrayList<>(to - from);
        List<RelationshipRecord> rels = new ArrayList<>(4 * (to - from));
        for (int i = from; i < to; i++) {
            String id = orgId(i);
            nodes.add(node(id, NodeType.Organization, name(i) + " " + KINDS[i % KINDS.length] + " " + i, Map.of()));
            located(rels, id, SECTORS.get(random.nextInt(SECTORS.size())));
            int served = 1 + (random.nextInt(10) < 7 ? 0 : random.nextInt(3));
            for (int k = 0; k < served; k++) {
                rels.add(rel(providerId(pickProvider()), RelType.SERVES, id, 50 + random.nextInt(46)));
            }
        }
        return new ImportBatch(nodes, dedupe(rels), List.of());
    }

    private void located(List<RelationshipRecord> rels, String id, String sector) {
        rels.add(rel(id, RelType.LOCATED_IN, Ids.of(NodeType.Country, COUNTRIES.get(skewed(COUNTRIES.size()))), 90));
        rels.add(rel(id, RelType.IN_SECTOR, Ids.of(NodeType.Sector, sector), 90));
    }

    private int pickProvider() {
        double u = random.nextDouble();
        int lo = 0;
        int hi = providers - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Index in [0, n) skewed towards the start (more organizations in the first countries of the list). */
    private int skewed(int n) {
        return (int) Math.min(n - 1, Math.floor(n * Math.pow(random.nextDouble(), 2)));
    }

    private String name(int i) {
        return WORDS[Math.floorMod(i * 7 + 3, WORDS.length)] + " " + WORDS[Math.floorMod(i * 13 + 5, WORDS.length)];
    }

    private static Map<String, Object> props(String name, Map<String, Object> extra) {
        Map<String, Object> props = new LinkedHashMap<>(extra);
        props.put("name", name);
        return props;
    }

    private static NodeRecord node(String id, NodeType type, String name, Map<String, Object> extra) {
        return new NodeRecord(id, type, EnumSet.noneOf(ExtraLabel.class), props(name, extra), List.of(), List.of());
    }

    private RelationshipRecord rel(String from, RelType type, String to, int confidence) {
        relationships++;
        int s = Math.floorMod(from.hashCode() ^ to.hashCode(), 10);
        return new RelationshipRecord(from, type, to, confidence, List.of(source(s)), PUBLISHED.plusDays(s), null, null, null, null, null);
    }

    /** One relationship per (from, type, to), as MERGE would make it; keeps the counts honest. */
    private List<RelationshipRecord> dedupe(List<RelationshipRecord> rels) {
        var unique = new LinkedHashMap<String, RelationshipRecord>();
        for (RelationshipRecord r : rels) {
            if (unique.putIfAbsent(r.from() + r.type() + r.to(), r) != null) {
                relationships--;
            }
        }
        return List.copyOf(unique.values());
    }
}
