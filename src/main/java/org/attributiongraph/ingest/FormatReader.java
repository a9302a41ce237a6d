package org.attributiongraph.ingest;

/** Turns the bytes of one file into canonical records, or refuses it with every problem found. */
interface FormatReader {

    /** The value of {@code ?format=} this reader answers to. */
    String format();

    ImportBatch read(String file, byte[] content) throws ImportRejectedException;
}
