/** The ingest pipeline: read a file, validate all of it, map it to canonical records, write them in batches. */
package org.attributiongraph.ingest;
