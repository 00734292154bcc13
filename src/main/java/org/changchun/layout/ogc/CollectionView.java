package org.changchun.layout.ogc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Optional;
import org.changchun.layout.catalog.ImportProvenance;
import org.changchun.layout.feature.LayerDescription;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.geo.ApiCrs;
import org.changchun.layout.http.MediaTypes;

/**
 * A collection as {@code /ogc/collections/{id}} describes it (OGC API - Features Part 1 and 2).
 *
 * @param extent the layer's bounding box, absent for an empty layer
 */
@JsonPropertyOrder({"id", "title", "description", "links", "extent", "itemType", "crs", "storageCrs"})
record CollectionView(
        String id,
        String title,
        String description,
        List<Link> links,
        @JsonInclude(JsonInclude.Include.NON_NULL) Extent extent,
        @JsonProperty("itemType") String itemType,
        List<String> crs,
        @JsonProperty("storageCrs") String storageCrs) {

    record Extent(Spatial spatial) {
    }

    record Spatial(List<double[]> bbox, String crs) {
    }

    static CollectionView of(LayerInfo layer) {
        LayerDescription about = layer.description();
        String self = OgcLinks.ogc("/collections/" + layer.id());
        List<Link> links = List.of(
                new Link(self + "?f=json", "self", MediaTypes.JSON_VALUE, "本集合 / this collection"),
                new Link(self + "?f=html", "alternate", MediaTypes.HTML_VALUE, "网页 / as HTML"),
                new Link(self + "/items?f=json", "items", MediaTypes.GEOJSON_VALUE, "要素 / features"),
                new Link(self + "/items?f=html", "items", MediaTypes.HTML_VALUE, "要素（网页） / features as HTML"),
                new Link(self + "/queryables", "http://www.opengis.net/def/rel/ogc/1.0/queryables", MediaTypes.JSON_SCHEMA_VALUE,
                        "可查询属性 / queryables"),
                new Link(self + "/schema", "http://www.opengis.net/def/rel/ogc/1.0/schema", MediaTypes.JSON_SCHEMA_VALUE,
                        "属性结构 / schema of the features"),
                new Link(self + "/sortables", "http://www.opengis.net/def/rel/ogc/1.0/sortables",
                        MediaTypes.JSON_SCHEMA_VALUE, "可排序属性 / sortables"),
                new Link(self + "/tiles", "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector", MediaTypes.JSON_VALUE,
                        "矢量瓦片 / vector tiles"),
                new Link(self + "/map", "http://www.opengis.net/def/rel/ogc/1.0/map", MediaTypes.PNG_VALUE,
                        "地图（按规划样式）/ a map in the plan style"));
        Extent extent = layer.extent().isNull() ? null : new Extent(new Spatial(List.of(new double[] {
            layer.extent().getMinX(), layer.extent().getMinY(), layer.extent().getMaxX(), layer.extent().getMaxY()}),
                ApiCrs.CRS84.uri()));
        return new CollectionView(layer.id(), title(about), description(layer), links, extent, "feature",
                ApiCrs.uris(), ApiCrs.CRS84.uri());
    }

    static String title(LayerDescription about) {
        return about.titleZh() + " / " + about.titleEn();
    }

    /** The layer's descriptions, Chinese then English; for an imported layer, when and by whom. */
    static String description(LayerInfo layer) {
        LayerDescription about = layer.description();
        Optional<ImportProvenance> imported = ImportProvenance.of(layer);
        StringBuilder text = new StringBuilder();
        if (about.descriptionZh() != null) {
            text.append(about.descriptionZh());
        }
        imported.ifPresent(i -> text.append(text.isEmpty() ? "" : "；").append(i.textZh()));
        if (about.descriptionEn() != null) {
            text.append(text.isEmpty() ? "" : " / ").append(about.descriptionEn());
        }
        imported.ifPresent(i -> text.append(about.descriptionEn() == null ? " / " : "; ").append(i.textEn()));
        if (about.accuracy() != null) {
            text.append(" [accuracy: ").append(about.accuracy()).append(']');
        }
        return text.toString();
    }
}
