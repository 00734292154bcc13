package org.changchun.layout.ogc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.changchun.layout.geo.FeatureJson;
import org.changchun.layout.geo.InvalidFeatureException;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.FieldSpec;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.JsonNode;

/** Applies an RFC 7396 JSON merge patch to a feature and checks the result like a new feature. */
final class FeaturePatch {

    private FeaturePatch() {
    }

    static Feature apply(Feature current, JsonNode patch, List<FieldSpec> fields, UnaryOperator<Geometry> toWgs84) {
        if (patch == null || !patch.isObject()) {
            throw new InvalidFeatureException("补丁必须是 JSON 对象", "a merge patch must be a JSON object");
        }
        for (String member : patch.propertyNames()) {
            if (!member.equals("properties") && !member.equals("geometry") && !member.equals("type")) {
                throw new InvalidFeatureException("补丁只能修改 properties 与 geometry",
                        "a patch may change \"properties\" and \"geometry\" only, not \"" + member + "\"");
            }
        }
        Map<String, Object> properties = new LinkedHashMap<>(current.properties());
        JsonNode changes = patch.get("properties");
        String where = "要素“" + current.id() + "”";
        String whereEn = "feature '" + current.id() + "'";
        if (changes != null) {
            properties.putAll(FeatureJson.properties(changes, fields, where, whereEn));
        }
        Geometry geometry = current.geometry();
        JsonNode newGeometry = patch.get("geometry");
        if (newGeometry != null) {
            geometry = FeatureJson.geometry(newGeometry, where, whereEn, toWgs84);
        }
        return new Feature(current.id(), properties, geometry);
    }
}
