package org.attributiongraph.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.attributiongraph.graph.GraphModel;
import org.attributiongraph.graph.GraphModel.ExtraLabel;
import org.attributiongraph.graph.GraphModel.NodeType;
import org.attributiongraph.graph.GraphModel.RelType;
import org.springframework.stereotype.Component;

/**
 * Reader of managed-service-provider client lists: CSV with the header
 * {@code provider,client,client_country,client_sector,since,source_url}. A row says the provider has
 * privileged access to the client: the provider becomes an Organization with the label MSP that
 * SERVES the client Organization (from {@code since}, when given), the client is LOCATED_IN its
 * Country (an ISO 3166-1 alpha-2 code) and IN_SECTOR its Sector (a STIX industry-sector word, or
 * empty). Every relationship cites the row's {@code source_url} as a dataset Source, undated. The
 * format has no confidence column, so every relationship gets 50, the STIX default for an unrated
 * statement. Organizations are keyed by their normalised name, like the curated ones; a client that
 * is a provider in another row is an MSP too. One row per provider and client; a file with any bad
 * row is refused whole.
 */
@Component
final class MspClientsCsvReader implements FormatReader {

    static final List<String> HEADER = List.of("provider", "client", "client_country", "client_sector", "since", "source_url");
    private static final int CONFIDENCE = 50;

    @Override
    public String format() {
        return "msp-clients";
    }

    @Override
    public ImportBatch read(String file, byte[] content) {
        List<Problem> problems = new ArrayList<>();
        var mapping = new Mapping(file, problems);
        CsvInput.read(file, content, problems, header -> {
            if (!header.toList().equals(HEADER)) {
                problems.add(CsvInput.problem(file, 1, null, "the header must be exactly \"" + String.join(",", HEADER)
                        + "\", found \"" + String.join(",", header.toList()) + "\""));
                return false;
            }
            return true;
        }, mapping::row);
        return mapping.batch();
    }

    /** What a row states about a client: its provider, country or sector, the line, and the index of the relationship. */
    private record Fact(RelType type, String other, int line, int index) {
    }

    /**
     * An organization of the file: the first spelling of its name, whether it provides services, and
     * the facts rows state about it as a client, kept on it (rarely more than three) so that repeats
     * are found without a map keyed by pairs.
     */
    private static final class Organization {
        final String id;
        final String name;
        boolean msp;
        List<Fact> facts;

        Organization(String id, String name) {
            this.id = id;
            this.name = name;
        }

        Fact fact(RelType type, String other) {
            if (facts != null) {
                for (Fact fact : facts) {
                    if (fact.type() == type && fact.other().equals(other)) {
                        return fact;
                    }
                }
            }
            return null;
        }

        void add(Fact fact) {
            if (facts == null) {
                facts = new ArrayList<>(3);
            }
            facts.add(fact);
        }
    }

    /** Maps rows as they come, with a constant number of hash look-ups per row, so a million rows take linear time. */
    private static final class Mapping {
        private final String file;
        private final List<Problem> problems;
        /** Every spelling seen, so that a repeated name is normalised and hashed into an id once. */
        private final Map<String, Organization> byName = new HashMap<>();
        private final Map<String, Organization> byId = new LinkedHashMap<>();
        private final Map<String, NodeRecord> countries = new LinkedHashMap<>();
        private final Map<String, NodeRecord> sectors = new LinkedHashMap<>();
        private final Map<String, List<String>> sourceIds = new HashMap<>();
        private final List<NodeRecord> sources = new ArrayList<>();
        private final List<RelationshipRecord> relationships = new ArrayList<>();

        Mapping(String file, List<Problem> problems) {
            this.file = file;
            this.problems = problems;
        }

        void row(int line, CSVRecord row) {
            int before = problems.size();
            String providerName = required(line, row, 0);
            String clientName = required(line, row, 1);
            String country = country(line, row.get(2).strip());
            String sector = sector(line, row.get(3).strip());
            LocalDate since = since(line, row.get(4).strip());
            List<String> cited = source(line, row.get(5).strip());
            if (providerName == null || clientName == null) {
                return;
            }
            Organization provider = organization(providerName);
            Organization client = organization(clientName);
            if (provider == client) {
                problems.add(CsvInput.problem(file, line, "client", "\"" + clientName + "\" is the provider itself"));
                return;
            }
            Fact served = client.fact(RelType.SERVES, provider.id);
            if (served != null) {
                problems.add(CsvInput.problem(file, line, null, "\"" + providerName + "\" serving \"" + clientName
                        + "\" is already on line " + served.line() + "; give each provider and client one row"));
            } else {
                // Remembered even for a bad row, so that a repeat of it is reported too; a SERVES is never merged, so no index.
                client.add(new Fact(RelType.SERVES, provider.id, line, -1));
            }
            if (problems.size() > before) {
                return;
            }
            provider.msp = true;
            relationships.add(new RelationshipRecord(provider.id, RelType.SERVES, client.id, CONFIDENCE, cited, null, since, null,
                    null, null, null));
            addOnce(client, RelType.LOCATED_IN, countries.computeIfAbsent(country, Nodes::country).id(), cited, line);
            if (sector != null) {
                addOnce(client, RelType.IN_SECTOR, sectors.computeIfAbsent(sector, Nodes::sector).id(), cited, line);
            }
        }

        private Organization organization(String name) {
            Organization known = byName.get(name);
            if (known == null) {
                String id = Nodes.organizationId(name);
                known = byId.computeIfAbsent(id, k -> new Organization(id, name));
                byName.put(name, known);
            }
            return known;
        }

        /** A fact several rows state is one relationship citing each row's source. */
        private void addOnce(Organization client, RelType type, String to, List<String> cited, int line) {
            Fact known = client.fact(type, to);
            if (known == null) {
                client.add(new Fact(type, to, line, relationships.size()));
                relationships.add(new RelationshipRecord(client.id, type, to, CONFIDENCE, cited, null, null, null, null, null, null));
                return;
            }
            RelationshipRecord stated = relationships.get(known.index());
            if (!stated.sources().contains(cited.getFirst())) {
                List<String> union = new ArrayList<>(stated.sources());
                union.add(cited.getFirst());
                relationships.set(known.index(), new RelationshipRecord(client.id, type, to, CONFIDENCE, List.copyOf(union), null,
                        null, null, null, null, null));
            }
        }

        private String required(int line, CSVRecord row, int column) {
            String value = row.get(column).strip();
            if (value.isEmpty()) {
                problems.add(CsvInput.problem(file, line, HEADER.get(column), HEADER.get(column) + " is required"));
                return null;
            }
            return value;
        }

        private String country(int line, String value) {
            String code = value.toUpperCase(Locale.ROOT);
            if (Countries.isCode(code)) {
                return code;
            }
            problems.add(CsvInput.problem(file, line, "client_country", value.isEmpty()
                    ? "client_country is required (an ISO 3166-1 alpha-2 code)"
                    : "\"" + value + "\" is not an ISO 3166-1 alpha-2 code"
                            + Countries.code(value).map(c -> "; did you mean " + c + "?").orElse("")));
            return null;
        }

        private String sector(int line, String value) {
            if (value.isEmpty() || GraphModel.SECTORS.contains(value)) {
                return value.isEmpty() ? null : value;
            }
            problems.add(CsvInput.problem(file, line, "client_sector", "\"" + value + "\" is not a STIX industry-sector word"
                    + Sectors.stixWord(value).map(w -> "; did you mean " + w + "?").orElse(" (for example financial-services, healthcare, technology)")));
            return null;
        }

        private LocalDate since(int line, String value) {
            if (value.isEmpty()) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                problems.add(CsvInput.problem(file, line, "since", "\"" + value + "\" is not a date (YYYY-MM-DD)"));
                return null;
            }
        }

        /** The ids cited by a row: its source, one Source node per distinct URL. */
        private List<String> source(int line, String url) {
            List<String> cited = sourceIds.get(url);
            if (cited != null) {
                return cited;
            }
            String host = Nodes.httpHost(url);
            if (host == null) {
                problems.add(CsvInput.problem(file, line, "source_url", url.isEmpty()
                        ? "source_url is required" : "\"" + url + "\" is not an absolute http(s) URL"));
                return null;
            }
            String publisher = host.startsWith("www.") ? host.substring(4) : host;
            NodeRecord source = Nodes.dataset(url, host, publisher, null);
            sources.add(source);
            cited = List.of(source.id());
            sourceIds.put(url, cited);
            return cited;
        }

        ImportBatch batch() {
            List<NodeRecord> nodes = new ArrayList<>(sources);
            nodes.addAll(countries.values());
            nodes.addAll(sectors.values());
            byId.forEach((id, org) -> nodes.add(new NodeRecord(id, NodeType.Organization,
                    org.msp ? Set.of(ExtraLabel.MSP) : Set.of(), Map.of("name", org.name), List.of(), List.of())));
            return new ImportBatch(nodes, relationships, List.of());
        }
    }
}
