package org.attributiongraph.export;

import java.util.Locale;
import java.util.Map;

import org.attributiongraph.graph.Graph;
import org.attributiongraph.graph.GraphModel.NodeType;
import org.attributiongraph.graph.GraphModel.Tlp;
import org.attributiongraph.web.BadRequestException;
import org.attributiongraph.web.NotFoundException;
import org.neo4j.driver.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Exports a selection: checks its parameters and anchors, reads it, narrows it to the marking cap
 * and writes it. The cap is the only input to {@link TlpFilter}; a caller's clearance narrows an
 * export by lowering it.
 */
@Service
@EnableConfigurationProperties(ExportProperties.class)
class ExportService {

    /** For anonymous callers and whoever does not say: only what may be shared without limit. */
    static final Tlp DEFAULT_CAP = Tlp.CLEAR;

    private final Graph graph;
    private final SubgraphReader reader;
    private final String anchor;

    ExportService(Graph graph, SubgraphReader reader) {
        this.graph = graph;
        this.reader = reader;
        this.anchor = graph.statement("export/anchor");
    }

    /** A finished export and what it is. */
    record Export(Written file, ExportFormat format, String fileName) {
    }

    /**
     * The selection as the caller with {@code clearance} sees it, narrowed to {@code min(maxTlp, clearance)}:
     * the chain and blast-radius selections follow only what the clearance shows, and the lowered cap
     * goes to {@link TlpFilter}, the one filter of every export.
     */
    Export export(Selection selection, ExportFormat format, Tlp maxTlp, Tlp clearance) {
        Tlp cap = maxTlp.min(clearance);
        check(selection);
        for (String id : selection.anchors()) {
            checkAnchor(selection, id, cap);
        }
        Subgraph visible = TlpFilter.visibleAt(reader.read(selection, clearance), cap);
        Written file = switch (format) {
            case STIX -> StixExport.write(visible);
            case GRAPHML -> GraphMlExport.write(visible);
            case CSV -> CsvExport.write(visible);
            case CYTOSCAPE -> CytoscapeExport.write(visible);
        };
        return new Export(file, format, selection.fileStem() + format.extension());
    }

    static ExportFormat format(String value) {
        return ExportFormat.parse(value == null ? "" : value.strip().toLowerCase(Locale.ROOT)).orElseThrow(() ->
                new BadRequestException("format must be one of " + ExportFormat.allowed()));
    }

    /**
     * A marking cap; empty means {@link #DEFAULT_CAP}. In a query string {@code amber+strict} arrives as
     * {@code amber strict}, so a space or an underscore stands for the plus.
     */
    static Tlp cap(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_CAP;
        }
        return Tlp.parse(value.strip().replace(' ', '+').replace('_', '+')).orElseThrow(() ->
                new BadRequestException("maxTlp must be one of clear, green, amber, amber+strict, red"));
    }

    private static void check(Selection selection) {
        for (String id : selection.anchors()) {
            if (id == null || id.isBlank() || id.length() > 200) {
                throw new BadRequestException("an entity id is required (at most 200 characters)");
            }
        }
        switch (selection) {
            case Selection.Neighbourhood n when n.depth() < 1 || n.depth() > Selection.Neighbourhood.MAX_DEPTH ->
                    throw new BadRequestException("depth must be between 1 and " + Selection.Neighbourhood.MAX_DEPTH);
            case Selection.BlastRadius b when b.depth() < 1 || b.depth() > Selection.BlastRadius.MAX_DEPTH ->
                    throw new BadRequestException("depth must be between 1 and " + Selection.BlastRadius.MAX_DEPTH);
            case Selection.Chain c when c.maxHops() < 1 || c.maxHops() > Selection.Chain.MAX_HOPS ->
                    throw new BadRequestException("maxHops must be between 1 and " + Selection.Chain.MAX_HOPS);
            default -> {
            }
        }
    }

    /**
     * An anchor must exist and be visible at the cap. Both failures give the same answer, so that a
     * caller cannot learn that an entity marked above its cap exists.
     */
    private void checkAnchor(Selection selection, String id, Tlp cap) {
        var found = graph.read(anchor, Map.of("id", id), r -> r);
        if (found == null || Subgraph.tlpOf(found.get("tlp").isNull() ? null : found.get("tlp").asString()).ordinal() > cap.ordinal()) {
            throw new NotFoundException("No entity with id " + id + " at or below TLP:" + cap.word().toUpperCase(Locale.ROOT));
        }
        if (selection instanceof Selection.Chain chain && id.equals(chain.state())
                && !found.get("labels").asList(Value::asString).contains(NodeType.Country.name())) {
            throw new BadRequestException("state must be the id of a Country (chains end at a state)");
        }
    }
}
