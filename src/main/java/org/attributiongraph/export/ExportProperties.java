package org.attributiongraph.export;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How large one export may be. An export over either cap is refused (400) naming its size, so that
 * one request can neither exhaust the service's memory nor hand out the whole graph at once.
 */
@ConfigurationProperties("export")
record ExportProperties(@DefaultValue("5000") int maxNodes, @DefaultValue("20000") int maxRelationships) {
}
