package org.changchun.layout.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.changchun.layout.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The page over a GCJ-02 basemap, as with Amap: the plan layers must be shifted onto it, and the
 * page must say which datum is in use. The basemap's "tiles" are a local image, so the test needs
 * no internet; what matters is where Leaflet places them.
 */
@TestPropertySource(properties = {
    "plan.map.basemap.url=/favicon.ico?z={z}&x={x}&y={y}",
    "plan.map.basemap.attribution=测试底图 test basemap",
    "plan.map.basemap.datum=GCJ02"})
class GcjBasemapTest extends BrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** metres per degree of latitude, and of longitude at the equator, near enough for a 1 m check */
    private static final double METRES_PER_DEGREE = 111_320;

    @BeforeEach
    void freshBrowser() {
        browser.reset();
    }

    @Test
    void theMapSettingsNameTheBasemapAndItsDatum() {
        JsonNode settings = new Http(port).get("/api/map-settings").json();
        assertThat(settings.at("/basemap/url").asString()).isEqualTo("/favicon.ico?z={z}&x={x}&y={y}");
        assertThat(settings.at("/basemap/datum").asString()).isEqualTo("GCJ02");
        assertThat(settings.at("/basemap/max_zoom").asInt()).isEqualTo(18);
    }

    /**
     * The shared district file was made by converting AMap's GCJ-02 vertices to WGS84 (and
     * repairing the result, which added vertices on edges). Converting its vertices back with the
     * page's formula must land on the GCJ-02 outline within a metre.
     */
    @Test
    void convertingTheWgs84DistrictsLandsOnAmapsGcj02Outline() {
        JsonNode wgs84 = geoJson("changchun-districts.wgs84.geojson.gz");
        JsonNode gcj02 = geoJson("changchun-districts.gcj02.geojson.gz");
        browser.open("/");
        int vertices = 0;
        int onOutline = 0;
        int onVertex = 0;
        double unshiftedTotal = 0;
        for (JsonNode district : wgs84.get("features")) {
            Geometry amap = geometry(feature(gcj02, district.at("/properties/adcode").asString()));
            IndexedFacetDistance toOutline = new IndexedFacetDistance(metric(amap.getBoundary()));
            IndexedFacetDistance toVertex = new IndexedFacetDistance(
                    metric(amap.getFactory().createMultiPointFromCoords(amap.getCoordinates())));
            Coordinate[] own = geometry(district).getCoordinates();
            List<Double> converted = toGcj02(own);
            for (int i = 0; i < own.length; i++) {
                Geometry point = metric(point(converted.get(2 * i), converted.get(2 * i + 1)));
                vertices++;
                if (toOutline.distance(point) <= 1.0) {
                    onOutline++;
                }
                if (toVertex.distance(point) <= 1.0) {
                    onVertex++;
                }
                unshiftedTotal += toOutline.distance(metric(point(own[i].x, own[i].y)));
            }
        }
        browser.waitForMap();
        browser.screenshot("gcj-00-on-gcj02-basemap");
        assertThat(vertices).isGreaterThan(20_000);
        // one vertex of 榆树 was moved by the repair step (PROVENANCE.md); every other one lands within 1 m
        assertThat(vertices - onOutline).isLessThanOrEqualTo(vertices / 10_000);
        assertThat(onVertex).isGreaterThan(vertices * 3 / 4);
        // and the shift matters: unconverted, the vertices lie far off the outline (the offset is about 500 m)
        assertThat(unshiftedTotal / vertices).isGreaterThan(150);
    }

    @Test
    void thePageSaysItIsOnGcj02AndLinesTheLayersUpWithTheBasemap() {
        browser.open("/?view=13/43.52000/125.70000");
        browser.waitForMap();
        assertThat(browser.find("#datum-badge").getText()).contains("GCJ-02").contains("纠偏");
        assertThat(browser.find(".leaflet-control-attribution").getText()).contains("测试底图");
        assertThat(browser.all(".basemap img.leaflet-tile")).isNotEmpty();
        assertThat(browser.drawnFeatures("districts")).isPositive();

        // 双阳's label, placed from its WGS84 label point, must sit where the GCJ-02 basemap has that point
        List<Number> labelPoint = browser.asyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('api/districts').then(r => r.json())"
                + ".then(ds => done(ds.find(d => d.adcode === '220112').label_point));");
        double[] expected = onBasemap(labelPoint.get(0).doubleValue(), labelPoint.get(1).doubleValue(), 13);
        Map<String, Object> label = browser.script("const r = document.querySelector("
                + "'.district-label span[data-adcode=\"220112\"]').getBoundingClientRect();"
                + "return { x: r.left + r.width / 2, y: r.top + r.height / 2 };");
        assertThat(((Number) label.get("x")).doubleValue()).isCloseTo(expected[0], offset(1.5));
        assertThat(((Number) label.get("y")).doubleValue()).isCloseTo(expected[1], offset(1.5));

        // clicking where the basemap shows 125.70E 43.52N asks the service about that WGS84 point
        double[] target = onBasemap(125.70, 43.52, 13);
        WebElement map = browser.find("#map");
        Rectangle box = map.getRect();
        new Actions(browser.driver()).moveToElement(map, (int) Math.round(target[0] - box.x - box.width / 2.0),
                (int) Math.round(target[1] - box.y - box.height / 2.0)).click().perform();
        browser.waitFor(".identify-layer[data-layer='districts']");
        assertThat(browser.find(".identify-where").getText()).containsPattern("125\\.(69|70)\\d*").containsPattern("43\\.5[12]\\d*");
        assertThat(browser.find(".identify").getText()).contains("双阳区");
        browser.screenshot("gcj-01-shifted-layers");
        assertThat(browser.errors()).isEmpty();
    }

    /** Where the page shows a WGS84 point on the GCJ-02 basemap, in viewport pixels, found from the basemap's tiles. */
    private double[] onBasemap(double lon, double lat, int zoom) {
        List<Number> gcj = browser.asyncScript("const done = arguments[arguments.length - 1];"
                + "import('./js/gcj02.js').then(m => done(m.toGcj02([arguments[0], arguments[1]])));", lon, lat);
        double scale = 256 * Math.pow(2, zoom);
        double x = (gcj.get(0).doubleValue() + 180) / 360 * scale;
        double sin = Math.sin(Math.toRadians(gcj.get(1).doubleValue()));
        double y = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale;
        long tileX = (long) Math.floor(x / 256);
        long tileY = (long) Math.floor(y / 256);
        WebElement tile = browser.find(".basemap img[src*='z=" + zoom + "&x=" + tileX + "&y=" + tileY + "']");
        Map<String, Object> rect = browser.script("const r = arguments[0].getBoundingClientRect();"
                + "return { left: r.left, top: r.top };", tile);
        return new double[] {((Number) rect.get("left")).doubleValue() + x - tileX * 256,
            ((Number) rect.get("top")).doubleValue() + y - tileY * 256};
    }

    private List<Double> toGcj02(Coordinate[] coordinates) {
        List<Double> flat = new ArrayList<>();
        for (Coordinate c : coordinates) {
            flat.add(c.x);
            flat.add(c.y);
        }
        List<Number> converted = browser.asyncScript("const [flat, done] = [arguments[0], arguments[arguments.length - 1]];"
                + "import('./js/gcj02.js').then(m => { const out = [];"
                + " for (let i = 0; i < flat.length; i += 2) { out.push(...m.toGcj02([flat[i], flat[i + 1]])); }"
                + " done(out); });", flat);
        return converted.stream().map(Number::doubleValue).toList();
    }

    private static JsonNode geoJson(String resource) {
        try (InputStream in = new GZIPInputStream(GcjBasemapTest.class.getResourceAsStream("/web/" + resource))) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode feature(JsonNode collection, String adcode) {
        for (JsonNode feature : collection.get("features")) {
            if (adcode.equals(feature.at("/properties/adcode").asString())) {
                return feature;
            }
        }
        throw new AssertionError("no district " + adcode);
    }

    private static Geometry geometry(JsonNode feature) {
        try {
            return new GeoJsonReader().read(feature.get("geometry").toString());
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    private static Geometry point(double lon, double lat) {
        return new GeometryFactory().createPoint(new Coordinate(lon, lat));
    }

    /**
     * Degrees → metres on a plane true at Changchun's mid-latitude: over the city's two degrees of
     * latitude the scale is off by under 2%, which cannot move a distance across the 1 m line that matters.
     */
    private static Geometry metric(Geometry geometry) {
        Geometry copy = geometry.copy();
        double perLon = METRES_PER_DEGREE * Math.cos(Math.toRadians(44.2));
        copy.apply((CoordinateFilter) c -> {
            c.x *= perLon;
            c.y *= METRES_PER_DEGREE;
        });
        copy.geometryChanged();
        return copy;
    }
}
