package org.attributiongraph.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.attributiongraph.graph.GraphModel.NodeType;
import org.attributiongraph.graph.Ids;

/**
 * The reference nodes several readers emit, keyed exactly as the curated cases key them so that
 * every file's countries, sectors and organizations merge with theirs.
 */
final class Nodes {

    private Nodes() {
    }

    /** {@code code} must be an assigned ISO 3166-1 alpha-2 code (see {@link Countries}). */
    static NodeRecord country(String code) {
        return new NodeRecord(Ids.of(NodeType.Country, code), NodeType.Country, Set.of(),
                Map.of("name", Countries.name(code), "country", code), List.of(), List.of());
    }

    /** The case format keys a Sector by its normalised name, so "financial-services" by "financial services". */
    static String sectorId(String stixWord) {
        return Ids.of(NodeType.Sector, Ids.normalise(stixWord));
    }

    static NodeRecord sector(String stixWord) {
        return new NodeRecord(sectorId(stixWord), NodeType.Sector, Set.of(), Map.of("name", stixWord), List.of(), List.of());
    }

    static String organizationId(String name) {
        return Ids.of(NodeType.Organization, Ids.normalise(name));
    }

    /** A Source of kind {@code dataset} with no publication date; {@code note} may be null. */
    static NodeRecord dataset(String url, String title, String publisher, String note) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("name", title);
        props.put("title", title);
        props.put("kind", "dataset");
        props.put("url", url);
        props.put("publisher", publisher);
        if (note != null) {
            props.put("note", note);
        }
        return new NodeRecord(Ids.of(NodeType.Source, url), NodeType.Source, Set.of(), props, List.of(), List.of());
    }

    /** The host of an absolute http(s) URL, or null when the text is not one. */
    static String httpHost(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            boolean http = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
            return http && uri.getHost() != null ? uri.getHost() : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
