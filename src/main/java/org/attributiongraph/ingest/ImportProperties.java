package org.attributiongraph.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large one uploaded file may be. A file is read whole into memory before it is validated, so
 * the cap bounds what one request can take; the command line reads local files and has no cap.
 */
@ConfigurationProperties("graph.import")
record ImportProperties(@DefaultValue("64MB") DataSize maxUploadSize) {
}
