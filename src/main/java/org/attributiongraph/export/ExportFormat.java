package org.attributiongraph.export;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The formats an export is written in, with the media type and file extension each is served with. */
enum ExportFormat {
    /** A STIX 2.1 bundle, for OpenCTI, MISP and other threat-intelligence platforms. */
    STIX("stix", "application/stix+json;version=2.1", ".stix.json"),
    /** GraphML for Gephi and yEd. */
    GRAPHML("graphml", "application/graphml+xml", ".graphml"),
    /** A zip of nodes.csv and relationships.csv in the neo4j-admin import header style. */
    CSV("csv", "application/zip", ".csv.zip"),
    /** Cytoscape.js elements JSON, for the web page and Cytoscape desktop. */
    CYTOSCAPE("cytoscape", "application/json", ".cyjs");

    private final String word;
    private final String mediaType;
    private final String extension;

    ExportFormat(String word, String mediaType, String extension) {
        this.word = word;
        this.mediaType = mediaType;
        this.extension = extension;
    }

    String word() {
        return word;
    }

    String mediaType() {
        return mediaType;
    }

    String extension() {
        return extension;
    }

    static Optional<ExportFormat> parse(String value) {
        return Arrays.stream(values()).filter(f -> f.word.equals(value)).findFirst();
    }

    static String allowed() {
        return Arrays.stream(values()).map(ExportFormat::word).collect(Collectors.joining(", "));
    }
}
