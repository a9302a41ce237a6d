package org.attributiongraph.ingest;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.attributiongraph.graph.GraphModel.ExtraLabel;
import org.attributiongraph.graph.GraphModel.NodeType;
import org.attributiongraph.graph.Ids;

/**
 * A node as every reader hands it to the writer.
 *
 * @param props non-null properties only (a missing value must not erase what another file set)
 */
record NodeRecord(String id, NodeType type, Set<ExtraLabel> extraLabels, Map<String, Object> props,
                  List<String> aliases, List<String> externalIds) {

    String name() {
        return (String) props.get("name");
    }

    /** Its labels, sorted: the writers group rows by this set, one statement per set. */
    List<String> labels() {
        var labels = new TreeSet<String>();
        labels.add(type.name());
        extraLabels.stream().map(ExtraLabel::name).forEach(labels::add);
        return List.copyOf(labels);
    }

    /** The name and aliases, normalised: what entity resolution matches on. */
    List<String> names() {
        var names = new LinkedHashSet<String>();
        if (name() != null) {
            names.add(Ids.normalise(name()));
        }
        aliases.forEach(a -> names.add(Ids.normalise(a)));
        names.remove("");
        return List.copyOf(names);
    }
}
