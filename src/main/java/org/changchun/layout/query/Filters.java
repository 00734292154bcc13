package org.changchun.layout.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.locationtech.jts.geom.Geometry;

/** Small operations on {@link Filter}s that callers combine queries with. */
public final class Filters {

    private Filters() {
    }

    /** Both conditions; either may be null (no condition). */
    public static Filter and(Filter first, Filter second) {
        if (first == null) {
            return second;
        }
        if (second == null) {
            return first;
        }
        List<Filter> parts = new ArrayList<>();
        for (Filter filter : List.of(first, second)) {
            if (filter instanceof Filter.And and) {
                parts.addAll(and.parts());
            } else {
                parts.add(filter);
            }
        }
        return new Filter.And(parts);
    }

    /** The same filter with every geometry literal replaced, e.g. reprojected from the filter's CRS. */
    public static Filter mapGeometries(Filter filter, UnaryOperator<Geometry> map) {
        if (filter == null) {
            return null;
        }
        if (filter instanceof Filter.And and) {
            return new Filter.And(and.parts().stream().map(p -> mapGeometries(p, map)).toList());
        }
        if (filter instanceof Filter.Or or) {
            return new Filter.Or(or.parts().stream().map(p -> mapGeometries(p, map)).toList());
        }
        if (filter instanceof Filter.Not not) {
            return new Filter.Not(mapGeometries(not.filter(), map));
        }
        if (filter instanceof Filter.Spatial spatial) {
            return new Filter.Spatial(spatial.relation(), map(spatial.left(), map), map(spatial.right(), map));
        }
        return filter;
    }

    private static Expression map(Expression expression, UnaryOperator<Geometry> map) {
        if (expression instanceof Expression.Literal literal && literal.value() instanceof Geometry geometry) {
            return new Expression.Literal(map.apply(geometry));
        }
        return expression;
    }
}
