package org.changchun.layout.compliance;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.changchun.layout.plan.rules.ConstraintRule;
import org.changchun.layout.plan.rules.RuleBook;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Every area sites are reviewed against, as of one set of layer versions, rules and constraint
 * marks: the plan's polygons and the control lines, in an R-tree. Immutable once built; shared by
 * every review until something it was built from changes.
 */
final class AreaIndex {

    private final String key;
    private final RuleBook rules;
    private final List<ReviewArea> areas;
    private final List<ConstraintRule> constraints;
    private final STRtree tree = new STRtree();
    private final Map<Integer, AreaDistance> distances = new ConcurrentHashMap<>();

    AreaIndex(String key, RuleBook rules, List<ReviewArea> areas, List<ConstraintRule> constraints) {
        this.key = key;
        this.rules = rules;
        this.areas = List.copyOf(areas);
        this.constraints = List.copyOf(constraints);
        for (int i = 0; i < this.areas.size(); i++) {
            tree.insert(this.areas.get(i).geometry().getEnvelopeInternal(), i);
        }
        // built now, so that queries from many threads only read it
        tree.build();
    }

    String key() {
        return key;
    }

    RuleBook rules() {
        return rules;
    }

    List<ConstraintRule> constraints() {
        return constraints;
    }

    /** The areas whose bounding boxes meet the envelope, in the order they were added (layers, then ids). */
    @SuppressWarnings("unchecked")
    List<Indexed> candidates(Envelope envelope) {
        List<Integer> found = tree.query(envelope);
        return found.stream().sorted().map(i -> new Indexed(i, areas.get(i))).toList();
    }

    List<Indexed> serving(String city) {
        List<Indexed> serving = new java.util.ArrayList<>();
        for (int i = 0; i < areas.size(); i++) {
            if (areas.get(i).serves(city)) {
                serving.add(new Indexed(i, areas.get(i)));
            }
        }
        return serving;
    }

    /** The area's edges indexed for distances, built the first time they are asked for. */
    AreaDistance distance(Indexed area) {
        return distances.computeIfAbsent(area.index(), i -> new AreaDistance(area.area().geometry()));
    }

    /** An area with its place in the index. */
    record Indexed(int index, ReviewArea area) {
    }
}
