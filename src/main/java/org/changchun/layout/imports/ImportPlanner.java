package org.changchun.layout.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.changchun.layout.catalog.LayerCatalog;
import org.changchun.layout.feature.LayerDescription;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.feature.LayerKind;
import org.changchun.layout.formats.UnreadableSourceException;
import org.changchun.layout.formats.VectorSource;
import org.changchun.layout.geo.Reprojection;
import org.changchun.layout.geo.crs.ChinaExtent;
import org.changchun.layout.geo.crs.PrjIdentifier;
import org.changchun.layout.shapefile.InvalidShapefileException;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Checks an unpacked upload before anything is written and decides, per layer found in it (a
 * shapefile, a GeoPackage table, a GeoJSON or CSV file: {@link UploadSources}), the target layer,
 * the text encoding and the coordinate system. Every refusal says what to fix; nothing it
 * accepts can fail later for a reason these checks could have found.
 */
@Component
class ImportPlanner {

    /** A layer's fields become a table's columns: PostgreSQL allows 1,600, with room kept for the id and geometry. */
    static final int MAX_FIELDS = 1_000;

    private final LayerCatalog catalog;
    private final ImportProperties properties;

    ImportPlanner(LayerCatalog catalog, ImportProperties properties) {
        this.catalog = catalog;
        this.properties = properties;
    }

    /**
     * @throws ImportRejectedException for anything that stops the import, including a shapefile
     *         the codec cannot read (its {@link InvalidShapefileException}, with the same message)
     */
    List<PlannedLayer> plan(Path unpacked, String fileName, ImportRequest request) {
        try {
            return planLayers(UploadSources.find(unpacked, request, properties.maxGeopackageSize()), fileName, request);
        } catch (InvalidShapefileException e) {
            throw new ImportRejectedException(e);
        } catch (UnreadableSourceException e) {
            throw UploadSources.rejected(e);
        }
    }

    private List<PlannedLayer> planLayers(List<SourceLayer> found, String fileName, ImportRequest request) {
        List<SourceLayer> sets = found;
        if (request.member().isPresent()) {
            String member = request.member().get();
            sets = sets.stream().filter(l -> l.name().equals(member)).toList();
            if (sets.isEmpty()) {
                throw new ImportRejectedException("上传中没有名为“" + member + "”的 shapefile 或 GeoPackage 表（有："
                        + found.stream().map(SourceLayer::name).toList() + "）",
                        "the upload has no shapefile or GeoPackage table named '" + member + "' (it has: "
                                + found.stream().map(SourceLayer::name).toList() + "); leave member out to import them all");
            }
        }
        if (sets.size() > 1 && request.layer().isPresent()) {
            throw new ImportRejectedException("上传中有 " + sets.size() + " 个图层（shapefile 或 GeoPackage 表）：指定 layer 时请用 member 选择其中一个",
                    "the upload holds " + sets.size() + " layers (shapefiles or GeoPackage tables): with a layer id, "
                            + "choose one of them with member (or leave layer out and each becomes its own layer)");
        }
        LayerNaming naming = new LayerNaming(catalog.all());
        List<PlannedLayer> planned = new ArrayList<>();
        for (SourceLayer layer : sets) {
            // one layer is named after the file the user chose; several after their own names
            String name = sets.size() == 1 ? LayerNaming.baseName(fileName) : layer.name();
            planned.add(plan(layer, names(name, request, naming), request));
        }
        return planned;
    }

    /** The suggested id and titles for a file, as an import of it without names would get them now. */
    LayerNaming.Names suggestedNames(String fileName) {
        LayerNaming naming = new LayerNaming(catalog.all());
        String name = LayerNaming.baseName(fileName);
        return naming.titled(naming.newId(name), name, name);
    }

    /**
     * The target layer's id and titles: an id given replaces that layer (keeping its titles unless
     * new ones are given); without one, a new layer is named from the file. Titles are made unique.
     */
    private LayerNaming.Names names(String name, ImportRequest request, LayerNaming naming) {
        if (request.layer().isEmpty()) {
            return naming.titled(naming.newId(name), request.titleZh().orElse(name), request.titleEn().orElse(name));
        }
        String layerId = request.layer().get();
        checkTarget(layerId);
        Optional<LayerDescription> replaced = catalog.find(layerId).map(LayerInfo::description);
        return naming.titled(layerId,
                request.titleZh().or(() -> replaced.map(LayerDescription::titleZh)).orElse(name),
                request.titleEn().or(() -> replaced.map(LayerDescription::titleEn)).orElse(name));
    }

    private PlannedLayer plan(SourceLayer layer, LayerNaming.Names names, ImportRequest request) {
        try (VectorSource source = layer.open()) {
            PrjIdentifier.Identified crs = layer.crs().apply(source, request.srid());
            if (source.recordCount() > properties.maxFeatures()) {
                throw new ImportRejectedException(HttpStatus.PAYLOAD_TOO_LARGE,
                        "“" + layer.name() + "”有 " + source.recordCount() + " 个要素，超过上限 " + properties.maxFeatures(),
                        "'" + layer.name() + "' holds " + source.recordCount() + " features, more than "
                                + "plan.imports.max-features (" + properties.maxFeatures() + ")");
            }
            if (source.fields().size() > MAX_FIELDS) {
                throw new ImportRejectedException("“" + layer.name() + "”有 " + source.fields().size() + " 个字段，超过上限 "
                        + MAX_FIELDS + "；请只保留需要的字段",
                        "'" + layer.name() + "' has " + source.fields().size() + " fields, more than the " + MAX_FIELDS
                                + " a layer may have: keep only the fields needed");
            }
            // the header's box reprojected: enough to tell whether the coordinates can be in China
            Envelope wgs84 = wgs84Extent(source.sourceExtent(), crs.epsg());
            if (source.recordCount() > 0) {
                ChinaExtent.check(wgs84, source.sourceExtent(), crs.epsg()).ifPresent(hint -> {
                    throw new ImportRejectedException("“" + layer.name() + "”的坐标不在中国境内：" + hint.messageZh(),
                            "the coordinates of '" + layer.name() + "' cannot be in China: " + hint.messageEn());
                });
            }
            return new PlannedLayer(layer, names.id(), names.titleZh(), names.titleEn(), layer.encoding(), crs,
                    source.fields(), source.geometryType(), source.recordCount());
        }
    }

    private void checkTarget(String layerId) {
        if (layerId.length() > LayerDescription.MAX_ID_LENGTH || !LayerDescription.ID_PATTERN.matcher(layerId).matches()) {
            throw new ImportRejectedException("图层 id“" + layerId + "”无效：须为小写英文单词，用“-”连接，如 land-use",
                    "layer id '" + layerId + "' is not valid: use lower-case words joined by '-', e.g. land-use");
        }
        Optional<LayerInfo> existing = catalog.find(layerId);
        if (existing.isPresent() && existing.get().kind() != LayerKind.IMPORTED) {
            throw new ImportRejectedException(HttpStatus.CONFLICT,
                    "图层“" + layerId + "”属于规划本身，不能由导入替换；请换一个 id",
                    "layer '" + layerId + "' is part of the plan (loaded from gis-data or edited in place) and cannot "
                            + "be replaced by an import; choose another id");
        }
    }

    private static Envelope wgs84Extent(Envelope source, int epsg) {
        if (source.isNull()) {
            return source;
        }
        return Reprojection.transform(new GeometryFactory().toGeometry(source), epsg, 4326).getEnvelopeInternal();
    }
}
