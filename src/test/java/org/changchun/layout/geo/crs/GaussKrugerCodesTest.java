package org.changchun.layout.geo.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.changchun.layout.geo.Reprojection;
import org.changchun.layout.geo.crs.GaussKrugerCodes.Datum;
import org.changchun.layout.geo.crs.GaussKrugerCodes.Gk;
import org.junit.jupiter.api.Test;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.proj.Projection;
import org.locationtech.proj4j.proj.TransverseMercatorProjection;

/** Checks every Gauss-Kruger code this service maps a .prj to against proj4j-epsg's own definition. */
class GaussKrugerCodesTest {

    @Test
    void everyCodeMatchesProj4jsEpsgDefinition() {
        assertThat(GaussKrugerCodes.ALL).hasSize(3 * (2 * 21 + 2 * 11));
        for (Gk gk : GaussKrugerCodes.ALL) {
            CoordinateReferenceSystem crs = Reprojection.crs(gk.epsg());
            Projection projection = crs.getProjection();
            String what = "EPSG:" + gk.epsg() + " " + gk.name() + ": " + crs.getParameterString();
            assertThat(projection).as(what).isInstanceOf(TransverseMercatorProjection.class);
            assertThat(projection.getProjectionLongitudeDegrees()).as(what).isCloseTo(gk.centralMeridian(), within(1e-9));
            assertThat(projection.getFalseEasting()).as(what).isEqualTo(gk.falseEasting());
            assertThat(projection.getFalseNorthing()).as(what).isZero();
            assertThat(projection.getScaleFactor()).as(what).isEqualTo(1.0);
            assertThat(projection.getProjectionLatitudeDegrees()).as(what).isZero();
            assertThat(projection.getEllipsoid().getEquatorRadius()).as(what).isEqualTo(semiMajorAxis(gk.datum()));
            assertThat(projection.getFromMetres()).as(what).isEqualTo(1.0);
            if (gk.prefixed()) {
                assertThat(gk.falseEasting()).as(what).isEqualTo(gk.zone() * 1_000_000.0 + 500_000);
            }
            assertThat(gk.centralMeridian()).as(what).isEqualTo(gk.width() == 3 ? 3 * gk.zone() : 6 * gk.zone() - 3);
        }
    }

    @Test
    void theBlocksStartAndEndWhereTheBriefSays() {
        assertThat(GaussKrugerCodes.zoneForm(Datum.CGCS2000, 25).orElseThrow().epsg()).isEqualTo(4513);
        assertThat(GaussKrugerCodes.zoneForm(Datum.CGCS2000, 42).orElseThrow().epsg()).isEqualTo(4530);
        assertThat(GaussKrugerCodes.zoneForm(Datum.CGCS2000, 45).orElseThrow().epsg()).isEqualTo(4533);
        assertThat(GaussKrugerCodes.cmForm(Datum.CGCS2000, 3, 75).orElseThrow().epsg()).isEqualTo(4534);
        assertThat(GaussKrugerCodes.cmForm(Datum.CGCS2000, 3, 126).orElseThrow().epsg()).isEqualTo(4551);
        assertThat(GaussKrugerCodes.cmForm(Datum.CGCS2000, 3, 135).orElseThrow().epsg()).isEqualTo(4554);
        assertThat(GaussKrugerCodes.zoneForm(Datum.CGCS2000, 13).orElseThrow().epsg()).isEqualTo(4491);
        assertThat(GaussKrugerCodes.cmForm(Datum.CGCS2000, 6, 135).orElseThrow().epsg()).isEqualTo(4512);
        assertThat(GaussKrugerCodes.zoneForm(Datum.XIAN_1980, 25).orElseThrow().epsg()).isEqualTo(2349);
        assertThat(GaussKrugerCodes.cmForm(Datum.XIAN_1980, 3, 135).orElseThrow().epsg()).isEqualTo(2390);
        assertThat(GaussKrugerCodes.zoneForm(Datum.XIAN_1980, 13).orElseThrow().epsg()).isEqualTo(2327);
        assertThat(GaussKrugerCodes.cmForm(Datum.XIAN_1980, 6, 135).orElseThrow().epsg()).isEqualTo(2348);
        assertThat(GaussKrugerCodes.zoneForm(Datum.BEIJING_1954, 45).orElseThrow().epsg()).isEqualTo(2421);
        assertThat(GaussKrugerCodes.cmForm(Datum.BEIJING_1954, 3, 75).orElseThrow().epsg()).isEqualTo(2422);
        assertThat(GaussKrugerCodes.zoneForm(Datum.BEIJING_1954, 23).orElseThrow().epsg()).isEqualTo(21423);
        assertThat(GaussKrugerCodes.cmForm(Datum.BEIJING_1954, 6, 75).orElseThrow().epsg()).isEqualTo(21453);
    }

    @Test
    void theGeographicCodesAreOnTheRightEllipsoids() {
        for (Datum datum : Datum.values()) {
            CoordinateReferenceSystem crs = Reprojection.crs(datum.geographic);
            assertThat(crs.isGeographic()).isTrue();
            assertThat(crs.getProjection().getEllipsoid().getEquatorRadius()).isEqualTo(semiMajorAxis(datum));
        }
    }

    @Test
    void everyCodeIsIdentifiedFromTheEsriWktOfItsParameters() {
        for (Gk gk : GaussKrugerCodes.ALL) {
            String name = gk.datum().label.replace(' ', '_') + (gk.width() == 3 ? "_3_Degree_GK_" : "_GK_")
                    + (gk.prefixed() ? "Zone_" + gk.zone() : "CM_" + gk.centralMeridian() + "E");
            String wkt = "PROJCS[\"" + name + "\",GEOGCS[\"GCS\",DATUM[\"D_" + gk.datum().label.replace(' ', '_')
                    + "\",SPHEROID[\"s\",1,1]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],"
                    + "PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\"," + gk.falseEasting() + "],"
                    + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\"," + gk.centralMeridian() + "],"
                    + "PARAMETER[\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";

            assertThat(PrjIdentifier.identify(wkt)).as(wkt).get().extracting(PrjIdentifier.Identified::epsg)
                    .isEqualTo(gk.epsg());
        }
    }

    private static double semiMajorAxis(Datum datum) {
        switch (datum) {
            case CGCS2000:
                return 6378137;
            case XIAN_1980:
                return 6378140;
            default:
                return 6378245;
        }
    }
}
