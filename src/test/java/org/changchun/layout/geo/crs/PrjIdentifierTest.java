package org.changchun.layout.geo.crs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.changchun.layout.geo.crs.PrjIdentifier.Identified;
import org.changchun.layout.shapefile.GdalShapefiles;
import org.changchun.layout.support.Gdal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrjIdentifierTest {

    private static final int[] GDAL_CODES = {4326, 4490, 4530, 4551, 2387, 2364, 2416, 2435, 3857,
        4610, 4214, 4513, 4533, 4534, 4554, 4499, 4510, 2332, 2345, 21418, 21460, 32651};

    @TempDir
    Path temp;

    @Test
    void identifiesThePrjFilesGdalWrites() throws IOException {
        Path source = Files.writeString(temp.resolve("p.geojson"), GdalShapefiles.ASCII_POINTS, StandardCharsets.UTF_8);
        for (int code : GDAL_CODES) {
            Path shp = temp.resolve(code + "/p.shp");
            Files.createDirectories(shp.getParent());
            Gdal.run("ogr2ogr", "-f", "ESRI Shapefile", "-t_srs", "EPSG:" + code, shp.toString(), source.toString());
            String prj = Files.readString(temp.resolve(code + "/p.prj"));
            assertThat(prj).as("GDAL writes ESRI WKT without authority").doesNotContain("AUTHORITY");

            assertThat(PrjIdentifier.identify(prj)).as(prj).get().extracting(Identified::epsg).isEqualTo(code);
        }
    }

    @Test
    void identifiesOgcWkt1ByItsAuthorityAndWithoutItByParameters() {
        for (int code : GDAL_CODES) {
            String wkt1 = Gdal.run("gdalsrsinfo", "-o", "wkt1", "EPSG:" + code).strip();
            Identified byAuthority = PrjIdentifier.identify(wkt1).orElseThrow();
            assertThat(byAuthority.epsg()).isEqualTo(code);
            assertThat(byAuthority.howEn()).startsWith("AUTHORITY[\"EPSG\",\"" + code + "\"]");
            assertThat(byAuthority.howZh()).startsWith("由 .prj 最外层坐标系的 AUTHORITY[\"EPSG\",\"" + code + "\"]");

            String bare = wkt1.replaceAll(",\\s*AUTHORITY\\[\"EPSG\",\"\\d+\"\\]", "");
            assertThat(bare).doesNotContain("AUTHORITY");
            Identified byParameters = PrjIdentifier.identify(bare).orElseThrow(() -> new AssertionError(bare));
            assertThat(byParameters.epsg()).as(bare).isEqualTo(code);
            assertThat(byParameters.howEn()).startsWith("matched by parameters");
            assertThat(byParameters.howZh()).startsWith("按参数匹配：");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "CGCS2000_3_Degree_GK_Zone_42|GCS_China_Geodetic_Coordinate_System_2000|D_China_2000|CGCS2000|6378137.0|298.257222101|Gauss_Kruger|42500000.0|126.0|4530",
        "CGCS2000_3_Degree_GK_CM_126E|GCS_China_Geodetic_Coordinate_System_2000|D_China_2000|CGCS2000|6378137.0|298.257222101|Gauss_Kruger|500000.0|126.0|4551",
        "CGCS2000_3_Degree_GK_CM_126E|GCS_China_Geodetic_Coordinate_System_2000|D_China_2000|CGCS2000|6378137.0|298.257222101|Transverse_Mercator|500000.0|126.0|4551",
        "CGCS2000_3_Degree_GK_Zone_41|GCS_China_Geodetic_Coordinate_System_2000|D_China_2000|CGCS2000|6378137.0|298.257222101|Gauss_Kruger|41500000.0|123.0|4529",
        "CGCS2000_GK_CM_123E|GCS_China_Geodetic_Coordinate_System_2000|D_China_2000|CGCS2000|6378137.0|298.257222101|Gauss_Kruger|500000.0|123.0|4510",
        "CGCS2000_GK_Zone_21|GCS_China_Geodetic_Coordinate_System_2000|D_China_2000|CGCS2000|6378137.0|298.257222101|Gauss_Kruger|21500000.0|123.0|4499",
        "Xian_1980_3_Degree_GK_CM_126E|GCS_Xian_1980|D_Xian_1980|Xian_1980|6378140.0|298.257|Gauss_Kruger|500000.0|126.0|2387",
        "Xian_1980_3_Degree_GK_Zone_42|GCS_Xian_1980|D_Xian_1980|Xian_1980|6378140.0|298.257|Gauss_Kruger|42500000.0|126.0|2366",
        "Beijing_1954_3_Degree_GK_Zone_42|GCS_Beijing_1954|D_Beijing_1954|Krasovsky_1940|6378245.0|298.3|Gauss_Kruger|42500000.0|126.0|2418",
        "Beijing_1954_3_Degree_GK_CM_126E|GCS_Beijing_1954|D_Beijing_1954|Krasovsky_1940|6378245.0|298.3|Gauss_Kruger|500000.0|126.0|2439",
        "Beijing_1954_GK_Zone_21|GCS_Beijing_1954|D_Beijing_1954|Krasovsky_1940|6378245.0|298.3|Gauss_Kruger|21500000.0|123.0|21421",
        "Unnamed local plan grid|GCS_China_Geodetic_Coordinate_System_2000|D_China_2000|CGCS2000|6378137.0|298.257222101|Gauss_Kruger|500000.0|123.0|4550"})
    void identifiesArcGisStyleWkt(String name, String gcs, String datum, String spheroid, String a, String rf,
            String projection, String falseEasting, String centralMeridian, int expected) {
        String wkt = "PROJCS[\"" + name + "\",GEOGCS[\"" + gcs + "\",DATUM[\"" + datum + "\",SPHEROID[\"" + spheroid + "\","
                + a + "," + rf + "]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\""
                + projection + "\"],PARAMETER[\"False_Easting\"," + falseEasting + "],PARAMETER[\"False_Northing\",0.0],"
                + "PARAMETER[\"Central_Meridian\"," + centralMeridian + "],PARAMETER[\"Scale_Factor\",1.0],"
                + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";

        Identified identified = PrjIdentifier.identify(wkt).orElseThrow();

        assertThat(identified.epsg()).isEqualTo(expected);
        assertThat(identified.name()).isEqualTo(GaussKrugerCodes.byEpsg(expected).orElseThrow().name());
        assertThat(identified.howEn()).contains("central meridian " + (int) Double.parseDouble(centralMeridian) + "°E");
        assertThat(identified.howZh()).contains("中央经线 " + (int) Double.parseDouble(centralMeridian) + "°E");
    }

    @Test
    void explainsTheChoiceOfA3DegreeCmForm() {
        String wkt = "PROJCS[\"Local\",GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\","
                + "SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],"
                + "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",0.0],"
                + "PARAMETER[\"Central_Meridian\",126.0],PARAMETER[\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",0.0],"
                + "UNIT[\"Meter\",1.0]]";

        Identified identified = PrjIdentifier.identify(wkt).orElseThrow();

        assertThat(identified.epsg()).isEqualTo(4551);
        assertThat(identified.name()).isEqualTo("CGCS2000 / 3-degree Gauss-Kruger CM 126E");
        assertThat(identified.howZh()).isEqualTo("按参数匹配：基准面 CGCS2000，横轴墨卡托，中央经线 126°E，东偏移 500,000 米，"
                + "比例因子 1，原点纬度 0 → 中央经线形式；取 3 度带（同一中央经线的 6 度带参数相同）");
        assertThat(identified.howEn()).isEqualTo("matched by parameters: datum CGCS2000, transverse Mercator, central "
                + "meridian 126°E, false easting 500,000 m, scale 1, latitude of origin 0 → CM form; 3-degree chosen "
                + "(a 6-degree zone with this meridian has the same parameters)");
    }

    @Test
    void anAuthorityOnlyOnTheNestedGeographicSystemDoesNotDecide() {
        String wkt = "PROJCS[\"CGCS2000 / 3-degree Gauss-Kruger zone 42\",GEOGCS[\"China Geodetic Coordinate System 2000\","
                + "DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101]],PRIMEM[\"Greenwich\",0],"
                + "UNIT[\"degree\",0.0174532925199433],AUTHORITY[\"EPSG\",\"4490\"]],PROJECTION[\"Transverse_Mercator\"],"
                + "PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",126],PARAMETER[\"scale_factor\",1],"
                + "PARAMETER[\"false_easting\",42500000],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1]]";

        assertThat(PrjIdentifier.identify(wkt)).get().extracting(Identified::epsg).isEqualTo(4530);
    }

    @Test
    void recognisesWebMercatorByItsNames() {
        String popular = "PROJCS[\"Popular Visualisation CRS / Mercator\",GEOGCS[\"Popular Visualisation CRS\","
                + "DATUM[\"Popular_Visualisation_Datum\",SPHEROID[\"Popular Visualisation Sphere\",6378137,0]],"
                + "PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],"
                + "PROJECTION[\"Popular Visualisation Pseudo Mercator\"],PARAMETER[\"false_easting\",0],"
                + "PARAMETER[\"false_northing\",0],UNIT[\"metre\",1]]";

        assertThat(PrjIdentifier.identify(popular)).get().extracting(Identified::epsg).isEqualTo(3857);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "not WKT at all",
        "PROJCS[\"broken\",GEOGCS[",
        // a Lambert projection of China: not one of the systems this service knows
        "PROJCS[\"Asia_Lambert_Conformal_Conic\",GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\","
            + "6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],"
            + "PROJECTION[\"Lambert_Conformal_Conic\"],PARAMETER[\"False_Easting\",0.0],PARAMETER[\"False_Northing\",0.0],"
            + "PARAMETER[\"Central_Meridian\",105.0],PARAMETER[\"Standard_Parallel_1\",30.0],"
            + "PARAMETER[\"Standard_Parallel_2\",62.0],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]",
        // Gauss-Kruger with an inconsistent zone: false easting says zone 42, meridian says 123°E
        "PROJCS[\"x\",GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\","
            + "6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],"
            + "PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",42500000.0],PARAMETER[\"False_Northing\",0.0],"
            + "PARAMETER[\"Central_Meridian\",123.0],PARAMETER[\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",0.0],"
            + "UNIT[\"Meter\",1.0]]",
        // an unknown datum
        "GEOGCS[\"GCS_Tokyo\",DATUM[\"D_Tokyo\",SPHEROID[\"Bessel_1841\",6377397.155,299.1528128]],"
            + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]"})
    void knowsNothingOfOtherText(String wkt) {
        assertThat(PrjIdentifier.identify(wkt)).isEmpty();
    }
}
