package org.attributiongraph.export;

import java.util.ArrayList;
import java.util.List;

/** What to export: a bounded part of the graph, named by the entities it starts from. */
sealed interface Selection {

    /** The ids the selection starts from: each must exist and be visible at the export's cap. */
    List<String> anchors();

    /** The file name without its extension: what and from where, in characters safe in any file system. */
    String fileStem();

    /** Every relationship within {@code depth} hops of {@code root} (1-3). */
    record Neighbourhood(String root, int depth) implements Selection {
        static final int MAX_DEPTH = 3;

        @Override
        public List<String> anchors() {
            return List.of(root);
        }

        @Override
        public String fileStem() {
            return "neighbourhood-" + safe(root) + "-depth" + depth;
        }
    }

    /** The hops of the attribution chains from {@code from} to the state {@code state} (null: to every state). */
    record Chain(String from, String state, int maxHops) implements Selection {
        /** As the chain service: chains are at most 8 hops long. */
        static final int MAX_HOPS = 8;

        @Override
        public List<String> anchors() {
            List<String> anchors = new ArrayList<>(List.of(from));
            if (state != null) {
                anchors.add(state);
            }
            return anchors;
        }

        @Override
        public String fileStem() {
            return "chains-" + safe(from) + (state == null ? "" : "-to-" + safe(state));
        }
    }

    /** A provider, its clients within {@code depth} SERVES hops (1-4), their places, and the groups that went after it. */
    record BlastRadius(String msp, int depth) implements Selection {
        /** As the blast-radius service. */
        static final int MAX_DEPTH = 4;

        @Override
        public List<String> anchors() {
            return List.of(msp);
        }

        @Override
        public String fileStem() {
            return "blast-radius-" + safe(msp) + "-depth" + depth;
        }
    }

    /** Ids are {@code type--uuid}; anything else is reduced to the characters a file name may always hold. */
    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
