package org.changchun.layout.coverage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.changchun.layout.catalog.LayerCatalog;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.geo.MetricBuffer;
import org.changchun.layout.plan.City;
import org.changchun.layout.plan.CitySupport;
import org.changchun.layout.plan.DistrictSupport;
import org.changchun.layout.plan.PlanLayers;
import org.changchun.layout.query.InvalidQueryException;
import org.changchun.layout.store.FeatureStore;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.stereotype.Service;

/**
 * Everything at a point, in every layer: the polygons that contain it and the points and lines
 * within a tolerance of it; for a district, also the cities it supports.
 */
@Service
class Identify {

    /** At most this many features per layer: a click wants what is there, not a whole layer. */
    static final int PER_LAYER = 25;

    @JsonPropertyOrder({"type", "id", "layer", "layer_title_zh", "layer_title_en", "properties", "supports", "geometry"})
    record Hit(String type, String id, String layer, String layerTitleZh, String layerTitleEn,
               Map<String, Object> properties,
               @JsonInclude(JsonInclude.Include.NON_NULL) List<CityRole> supports,
               @JsonInclude(JsonInclude.Include.ALWAYS) Geometry geometry) {
    }

    /** @param basis "plan" when the plan names the district, "derived" when only a schematic zone overlaps it */
    @Schema(name = "IdentifiedCityRole")
    record CityRole(String id, String nameZh, String nameEn, String colour, String role, String basis) {
    }

    private final LayerCatalog catalog;
    private final FeatureStore store;
    private final CitySupport support;
    private final GeometryFactory geometries = new GeometryFactory(new PrecisionModel(), 4326);

    Identify(LayerCatalog catalog, FeatureStore store, CitySupport support) {
        this.catalog = catalog;
        this.store = store;
        this.support = support;
    }

    /**
     * The layers named in a comma-separated list of collection ids, in catalog order; every layer
     * when there is no list, none when it is empty.
     *
     * @throws InvalidQueryException for an id the catalog does not know, listing those it knows
     */
    List<LayerInfo> layers(String commaSeparatedIds) {
        List<LayerInfo> all = catalog.all();
        if (commaSeparatedIds == null) {
            return all;
        }
        Set<String> asked = new LinkedHashSet<>();
        for (String id : commaSeparatedIds.split(",")) {
            if (!id.isBlank()) {
                asked.add(id.strip());
            }
        }
        Set<String> known = all.stream().map(LayerInfo::id).collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> unknown = asked.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidQueryException(
                    "layers 中有未知图层：" + String.join("、", unknown) + "；已有的图层：" + String.join("、", known),
                    "layers names unknown layer(s) " + String.join(", ", unknown) + "; the layers are "
                            + String.join(", ", known));
        }
        return all.stream().filter(layer -> asked.contains(layer.id())).toList();
    }

    List<Hit> at(double lon, double lat, double toleranceMetres, List<LayerInfo> layers, boolean withGeometry) {
        Geometry point = geometries.createPoint(new Coordinate(lon, lat));
        Geometry probe = toleranceMetres > 0 ? MetricBuffer.buffer(point, toleranceMetres) : point;
        List<Hit> hits = new ArrayList<>();
        for (LayerInfo layer : layers) {
            // a polygon layer answers what contains the click; the tolerance is for what is hard to hit
            Geometry asked = isAreal(layer) ? point : probe;
            for (Feature feature : store.intersecting(layer.id(), asked, PER_LAYER)) {
                List<CityRole> supports = layer.id().equals(PlanLayers.DISTRICTS) ? supports(feature.id()) : null;
                hits.add(new Hit("Feature", feature.id(), layer.id(), layer.description().titleZh(),
                        layer.description().titleEn(), feature.properties(), supports,
                        withGeometry ? feature.geometry() : null));
            }
        }
        return hits;
    }

    private static boolean isAreal(LayerInfo layer) {
        return layer.geometryType().equals("Polygon") || layer.geometryType().equals("MultiPolygon");
    }

    private List<CityRole> supports(String adcode) {
        List<CityRole> roles = new ArrayList<>();
        for (Map.Entry<City, DistrictSupport> entry : support.citiesOf(adcode).entrySet()) {
            City city = entry.getKey();
            roles.add(new CityRole(city.id(), city.nameZh(), city.nameEn(), city.colour(), entry.getValue().role(),
                    entry.getValue().basis()));
        }
        return roles;
    }
}
