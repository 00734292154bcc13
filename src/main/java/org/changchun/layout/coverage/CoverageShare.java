package org.changchun.layout.coverage;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import org.changchun.layout.geo.GeodesicArea;
import org.changchun.layout.feature.Feature;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.springframework.stereotype.Service;

/**
 * How much of an area the polygon features of a layer cover, overall and per district. Overlapping
 * features are merged first, so no ground is counted twice; areas are geodesic.
 */
@Service
class CoverageShare {

    @Schema(name = "CoverageShare")
    record Answer(CoverageArea area, String source, double coveredKm2, double share, List<DistrictShare> byDistrict) {
    }

    /**
     * @param areaKm2    the part of the area inside the district
     * @param coveredKm2 the part of that covered by features
     */
    record DistrictShare(String adcode, String nameZh, String nameEn, double areaKm2, double coveredKm2, double share) {
    }

    private final ProjectsInArea projects;
    private final DistrictIndex districts;

    CoverageShare(ProjectsInArea projects, DistrictIndex districts) {
        this.projects = projects;
        this.districts = districts;
    }

    Answer of(CoverageArea area, String sourceLayer) {
        ProjectsInArea.Answer found = projects.find(area, sourceLayer, CoverageMode.INTERSECTS, null);
        List<Geometry> polygons = found.features().stream().map(Feature::geometry)
                .filter(g -> g instanceof Polygonal).toList();
        Geometry covered = polygons.isEmpty() ? area.geometry().getFactory().createPolygon()
                : UnaryUnionOp.union(polygons).intersection(area.geometry());
        double coveredKm2 = GeodesicArea.squareKilometres(covered);
        List<DistrictShare> byDistrict = new ArrayList<>();
        for (DistrictIndex.District district : districts.districts()) {
            if (!district.prepared().intersects(area.geometry())) {
                continue;
            }
            double inDistrict = GeodesicArea.squareKilometres(area.geometry().intersection(district.geometry()));
            if (inDistrict <= 0) {
                continue;
            }
            double coveredInDistrict = covered.isEmpty() ? 0
                    : GeodesicArea.squareKilometres(covered.intersection(district.geometry()));
            byDistrict.add(new DistrictShare(district.adcode(), district.nameZh(), district.nameEn(),
                    CoverageAreas.round(inDistrict), CoverageAreas.round(coveredInDistrict),
                    share(coveredInDistrict, inDistrict)));
        }
        return new Answer(area, found.source(), CoverageAreas.round(coveredKm2), share(coveredKm2, area.areaKm2()),
                byDistrict);
    }

    private static double share(double covered, double whole) {
        return whole <= 0 ? 0 : Math.round(covered / whole * 100_000) / 100_000d;
    }
}
