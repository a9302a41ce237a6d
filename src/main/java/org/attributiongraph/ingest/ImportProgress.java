package org.attributiongraph.ingest;

/** Told how far the write of one file has got, batch by batch (the CLI draws a bar from it). */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (written, total) -> { };

    void written(long rows, long totalRows);
}
