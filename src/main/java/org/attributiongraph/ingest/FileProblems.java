package org.attributiongraph.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The problems of one JSON file, each placed by JSON pointer and line. Readers collect all of them
 * and throw them together, so a bad file is refused whole with everything wrong listed.
 */
class FileProblems {

    private final String file;
    private final LocatedJson doc;
    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> reported = new HashSet<>();

    FileProblems(String file, LocatedJson doc) {
        this.file = file;
        this.doc = doc;
    }

    void problem(String pointer, String message) {
        problems.add(new Problem(file, doc.lineOf(pointer), pointer, message));
        reported.add(pointer);
    }

    boolean reported(String pointer) {
        return reported.contains(pointer);
    }

    Integer line(String pointer) {
        return doc.lineOf(pointer);
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(file, problems);
        }
    }
}
