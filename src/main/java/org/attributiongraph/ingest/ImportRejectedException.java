package org.attributiongraph.ingest;

import java.util.List;

/** A file that failed validation; nothing of it was written. */
public class ImportRejectedException extends RuntimeException {

    private final String file;
    private final List<Problem> problems;

    public ImportRejectedException(String file, List<Problem> problems) {
        super(file + ": " + problems.size() + " problem(s), nothing imported; first: " + problems.getFirst().message());
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public String file() {
        return file;
    }

    public List<Problem> problems() {
        return problems;
    }
}
