package org.changchun.layout.maps;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.changchun.layout.support.Gdal;
import org.changchun.layout.support.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps as pictures over HTTP with the real plan data: OGC API - Maps and WMS (with GDAL as the client), read
 * back pixel by pixel; run on each store by the subclasses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "plan.security.users[0].name=editor",
    "plan.security.users[0].password={noop}editor-secret",
    "plan.security.users[0].roles=EDITOR"})
abstract class MapsTest {

    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    /** The city and some countryside around it: 200 × 164 pixels of it in plate carrée are 0.014° each way. */
    static final double WEST = 124.3;
    static final double SOUTH = 43.0;
    static final double EAST = 127.1;
    static final double NORTH = 45.3;
    static final int WIDTH = 200;
    static final int HEIGHT = 164;
    /** Districts' fill, white at 0.75 opacity, over black. */
    static final int DISTRICT_ON_BLACK = 191;

    /**
     * Deep inside 榆树市 (220182), the largest district: 0.05° or more from its border, and away from its interior
     * point, where its name is written once labels show.
     */
    private static Coordinate yushu;

    @LocalServerPort
    int port;

    Http http;

    @TempDir
    Path temp;

    @BeforeAll
    static void districtInterior() throws Exception {
        JsonNode districts = JsonMapper.builder().build().readTree(Files.readString(Path.of("gis-data/districts.geojson")));
        for (JsonNode feature : districts.get("features")) {
            if ("220182".equals(feature.get("id").asString())) {
                Geometry district = new GeoJsonReader().read(feature.get("geometry").toString());
                Coordinate label = district.getInteriorPoint().getCoordinate();
                for (int angle = 0; angle < 360 && yushu == null; angle += 45) {
                    Coordinate candidate = new Coordinate(label.x + 0.15 * Math.cos(Math.toRadians(angle)),
                            label.y + 0.15 * Math.sin(Math.toRadians(angle)));
                    if (district.contains(district.getFactory().createPoint(candidate).buffer(0.05))) {
                        yushu = candidate;
                    }
                }
            }
        }
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    static int column(double lon) {
        return (int) ((lon - WEST) / (EAST - WEST) * WIDTH);
    }

    static int row(double lat) {
        return (int) ((NORTH - lat) / (NORTH - SOUTH) * HEIGHT);
    }

    static BufferedImage image(Http.Response response) throws IOException {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.bytes()));
        assertThat(image).as("decodes as an image").isNotNull();
        return image;
    }

    static void assertGrey(int argb, int level) {
        assertThat((argb >> 16) & 0xff).isBetween(level - 3, level + 3);
        assertThat((argb >> 8) & 0xff).isBetween(level - 3, level + 3);
        assertThat(argb & 0xff).isBetween(level - 3, level + 3);
    }

    private String box() {
        return WEST + "," + SOUTH + "," + EAST + "," + NORTH;
    }

    @Test
    void aDistrictsInteriorHasTheDistrictFill() throws IOException {
        BufferedImage map = image(http.get("/ogc/collections/districts/map?crs=" + CRS84 + "&bbox=" + box()
                + "&width=" + WIDTH + "&height=" + HEIGHT + "&transparent=false&bgcolor=000000"));
        assertThat(map.getWidth()).isEqualTo(WIDTH);
        assertThat(map.getHeight()).isEqualTo(HEIGHT);
        assertGrey(map.getRGB(column(yushu.x), row(yushu.y)), DISTRICT_ON_BLACK);
        assertGrey(map.getRGB(1, 1), 0);
    }

    @Test
    void aTransparentMapIsTransparentOutsideTheFeatures() throws IOException {
        BufferedImage map = image(http.get("/ogc/collections/districts/map?crs=" + CRS84 + "&bbox=" + box()
                + "&width=" + WIDTH + "&height=" + HEIGHT + "&transparent=true"));
        assertThat(map.getColorModel().hasAlpha()).isTrue();
        assertThat(map.getRGB(1, 1) >>> 24).as("alpha outside every district").isZero();
        assertThat(map.getRGB(column(yushu.x), row(yushu.y)) >>> 24).as("alpha inside 榆树").isBetween(188, 194);
    }

    @Test
    void theWholePlanAsPngAndJpegOfTheAskedSize() throws IOException {
        Http.Response png = http.get("/ogc/map?bbox=125.1,43.7,125.6,44.05&width=640&height=480");
        assertThat(png.contentType()).isEqualTo("image/png");
        BufferedImage picture = image(png);
        assertThat(picture.getWidth()).isEqualTo(640);
        assertThat(picture.getHeight()).isEqualTo(480);
        Http.Response jpeg = http.get("/ogc/map?bbox=125.1,43.7,125.6,44.05&width=300&height=200&f=jpeg");
        assertThat(jpeg.contentType()).isEqualTo("image/jpeg");
        assertThat(image(jpeg).getWidth()).isEqualTo(300);
        // without a box or a size: the layers' extent, 1024 pixels wide
        assertThat(image(http.get("/ogc/map")).getWidth()).isEqualTo(1024);
        assertThat(http.get("/ogc/conformance").body()).contains("ogcapi-maps-1/1.0/conf/core",
                "ogcapi-maps-1/1.0/conf/collection-map");
    }

    @Test
    void labelsAreWrittenInTheShippedFont() throws IOException {
        // zoom 9 over 榆树: its name is drawn in the label colour, darker than any outline
        BufferedImage map = image(http.get("/ogc/collections/districts/map?crs=" + CRS84
                + "&bbox=126.2,44.6,126.9,45.1&width=400&height=280&transparent=false"));
        int text = 0;
        for (int x = 0; x < map.getWidth(); x++) {
            for (int y = 0; y < map.getHeight(); y++) {
                if (((map.getRGB(x, y) >> 16) & 0xff) < 70) {
                    text++;
                }
            }
        }
        assertThat(text).as("pixels of the names' strokes").isGreaterThan(20);
        // below zoom 7 district names are not written
        BufferedImage small = image(http.get("/ogc/collections/districts/map?crs=" + CRS84
                + "&bbox=126.2,44.6,126.9,45.1&width=20&height=14&transparent=false"));
        for (int x = 0; x < small.getWidth(); x++) {
            for (int y = 0; y < small.getHeight(); y++) {
                assertThat((small.getRGB(x, y) >> 16) & 0xff).isGreaterThanOrEqualTo(70);
            }
        }
    }

    @Test
    void mapsAreCachedUntilTheirDataChanges() {
        String path = "/ogc/collections/projects/map?bbox=125.0,43.5,126.0,44.2&width=256&height=256";
        Http.Response first = http.get(path);
        String etag = first.header("ETag");
        assertThat(etag).startsWith("\"");
        assertThat(first.header("Cache-Control")).contains("max-age=");
        assertThat(http.send("GET", path, null, null, "If-None-Match", etag).status()).isEqualTo(304);
        String body = """
                {"type": "Feature", "id": "map-cache-1",
                 "properties": {"name_zh": "出图缓存测试（示例）", "city": "culture", "status": "planned",
                                "start_year": 2025, "investment_cny_100m": 1.5, "sample": true},
                 "geometry": {"type": "Point", "coordinates": [125.50, 43.90]}}""";
        assertThat(http.send("POST", "/ogc/collections/projects/items", body, "application/geo+json", "Authorization",
                Http.basic("editor", "editor-secret")).status()).isEqualTo(201);
        Http.Response after = http.send("GET", path, null, null, "If-None-Match", etag);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.header("ETag")).isNotEqualTo(etag);
        assertThat(http.send("DELETE", "/ogc/collections/projects/items/map-cache-1", null, null, "Authorization",
                Http.basic("editor", "editor-secret")).status()).isEqualTo(204);
    }

    @Test
    void badMapRequestsAreRefusedSayingWhatToFix() {
        assertRefused("/ogc/map?bbox=126,44,125,45", 400, "bbox");
        assertRefused("/ogc/map?bbox=125,44,200,45", 400, "valid area");
        assertRefused("/ogc/map?width=5000", 400, "width");
        assertRefused("/ogc/map?width=NaN", 400, "width");
        assertRefused("/ogc/map?crs=EPSG:2385", 400, "EPSG:3857");
        assertRefused("/ogc/map?collections=nowhere", 400, "nowhere");
        assertRefused("/ogc/map?bgcolor=blue&transparent=false", 400, "bgcolor");
        assertRefused("/ogc/map?f=gif", 400, "png");
        assertRefused("/ogc/collections/nowhere/map", 404, "nowhere");
        assertRefused("/ogc/styles/other", 404, "other");
    }

    private void assertRefused(String path, int status, String says) {
        Http.Response answer = http.get(path);
        assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains(says);
    }

    @Test
    void theStyleIsServedWithTheCitiesColours() {
        JsonNode style = http.get("/ogc/styles/plan").json();
        assertThat(style.get("version").asInt()).isEqualTo(8);
        JsonNode circle = null;
        for (JsonNode layer : style.get("layers")) {
            if (layer.get("id").asString().equals("projects-circle")) {
                circle = layer.get("paint").get("circle-color");
            }
        }
        assertThat(circle).isNotNull();
        assertThat(circle.get(0).asString()).isEqualTo("match");
        assertThat(circle.toString()).contains("\"automobile\"", "#c0392b");
        assertThat(style.get("sources").get("plan").get("url").asString()).startsWith("http://");
    }

    @Test
    void wmsGetMapDrawsEpsg4326LatitudeFirst() throws IOException {
        String common = "/wms?SERVICE=WMS&REQUEST=GetMap&LAYERS=districts&STYLES=&FORMAT=image/png&TRANSPARENT=FALSE"
                + "&BGCOLOR=0x000000&WIDTH=" + WIDTH + "&HEIGHT=" + HEIGHT;
        BufferedImage v130 = image(http.get(common + "&VERSION=1.3.0&CRS=EPSG:4326&BBOX=" + SOUTH + "," + WEST + ","
                + NORTH + "," + EAST));
        assertGrey(v130.getRGB(column(yushu.x), row(yushu.y)), DISTRICT_ON_BLACK);
        BufferedImage cgcs = image(http.get(common + "&VERSION=1.3.0&CRS=EPSG:4490&BBOX=" + SOUTH + "," + WEST + ","
                + NORTH + "," + EAST));
        assertGrey(cgcs.getRGB(column(yushu.x), row(yushu.y)), DISTRICT_ON_BLACK);
        BufferedImage v111 = image(http.get(common + "&VERSION=1.1.1&SRS=EPSG:4326&BBOX=" + box()));
        assertGrey(v111.getRGB(column(yushu.x), row(yushu.y)), DISTRICT_ON_BLACK);
        Http.Response several = http.get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=districts,dev-zones,projects"
                + "&STYLES=&CRS=EPSG:3857&BBOX=13900000,5400000,14000000,5480000&WIDTH=256&HEIGHT=256&FORMAT=image/jpeg");
        assertThat(several.contentType()).isEqualTo("image/jpeg");
        assertThat(image(several).getWidth()).isEqualTo(256);
    }

    @Test
    void wmsRefusalsAreServiceExceptionReports() {
        String map = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&STYLES=&FORMAT=image/png&WIDTH=256&HEIGHT=256";
        assertException(map + "&LAYERS=nowhere&CRS=EPSG:4326&BBOX=43,125,44,126", "LayerNotDefined");
        assertException(map + "&LAYERS=districts&CRS=EPSG:2385&BBOX=43,125,44,126", "InvalidCRS");
        assertException("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=districts&STYLES=fancy&CRS=EPSG:4326"
                + "&BBOX=43,125,44,126&FORMAT=image/png&WIDTH=256&HEIGHT=256", "StyleNotDefined");
        assertException(map.replace("image/png", "image/gif") + "&LAYERS=districts&CRS=EPSG:4326&BBOX=43,125,44,126",
                "InvalidFormat");
        assertException(map + "&LAYERS=districts&CRS=EPSG:4326&BBOX=44,125,43,126", "bbox");
        // latitude first: 125 is no latitude
        assertException(map + "&LAYERS=districts&CRS=EPSG:4326&BBOX=125,43,126,44", "valid area");
        assertException(map.replace("WIDTH=256", "WIDTH=100000") + "&LAYERS=districts&CRS=EPSG:4326&BBOX=43,125,44,126",
                "WIDTH");
        assertException("/wms?SERVICE=WMS&REQUEST=GetLegend", "OperationNotSupported");
        assertException("/wms?SERVICE=WMS", "MissingParameterValue");
    }

    private void assertException(String path, String says) {
        Http.Response answer = http.get(path);
        assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("text/xml");
        assertThat(answer.body()).contains("<ServiceExceptionReport", says);
    }

    @Test
    void wmsFeatureInfoAnswersWhatIsAtThePixel() {
        String at = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=districts&QUERY_LAYERS=districts"
                + "&STYLES=&CRS=EPSG:4326&BBOX=" + SOUTH + "," + WEST + "," + NORTH + "," + EAST + "&WIDTH=" + WIDTH
                + "&HEIGHT=" + HEIGHT + "&I=" + column(yushu.x) + "&J=" + row(yushu.y);
        JsonNode json = http.get(at + "&INFO_FORMAT=application/json").json();
        assertThat(json.get("features")).hasSize(1);
        assertThat(json.get("features").get(0).get("id").asString()).isEqualTo("220182");
        assertThat(json.get("features").get(0).get("layer").asString()).isEqualTo("districts");
        Http.Response html = http.get(at + "&INFO_FORMAT=text/html");
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body()).contains("榆树市");
        assertException(at.replace("&I=", "&I=9999&X=") + "&INFO_FORMAT=text/html", "InvalidPoint");
    }

    @Test
    void eachLayersLegendIsWhereTheCapabilitiesSayAndOfTheSizeTheySay() throws IOException {
        String capabilities = http.get("/wms?SERVICE=WMS&REQUEST=GetCapabilities").body();
        Matcher legend = Pattern.compile("<LegendURL width=\"(\\d+)\" height=\"(\\d+)\"><Format>image/png</Format>"
                + "<OnlineResource xlink:type=\"simple\" xlink:href=\"[^\"]*(/wms\\?[^\"]*LAYER=projects)\"").matcher(capabilities);
        assertThat(legend.find()).as(capabilities).isTrue();
        Http.Response answer = http.get(legend.group(3).replace("&amp;", "&"));
        assertThat(answer.contentType()).isEqualTo("image/png");
        BufferedImage image = image(answer);
        assertThat(image.getWidth()).isEqualTo(Integer.parseInt(legend.group(1)));
        assertThat(image.getHeight()).isEqualTo(Integer.parseInt(legend.group(2)));
        // a dot in each city's colour: the automobile city's red (#c0392b) among them
        boolean red = false;
        for (int x = 0; x < image.getWidth() && !red; x++) {
            for (int y = 0; y < image.getHeight() && !red; y++) {
                int rgb = image.getRGB(x, y);
                red = ((rgb >> 16) & 0xff) > 150 && ((rgb >> 8) & 0xff) < 110 && (rgb & 0xff) < 100;
            }
        }
        assertThat(red).isTrue();
        BufferedImage plan = image(http.get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&LAYER=plan"
                + "&FORMAT=image/png"));
        assertThat(plan.getHeight()).isGreaterThan(image.getHeight());
        // no title runs off the legend: its right edge is background
        for (int y = 0; y < plan.getHeight(); y++) {
            assertThat(plan.getRGB(plan.getWidth() - 2, y) & 0xffffff).as("row " + y).isEqualTo(0xffffff);
        }
        assertException("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&LAYER=nowhere&FORMAT=image/png",
                "LayerNotDefined");
    }

    @Test
    void gdalReadsTheCapabilitiesAndAMap() throws IOException {
        String base = "WMS:" + http.base() + "/wms?SERVICE=WMS&VERSION=1.3.0";
        String capabilities = Gdal.run("gdalinfo", base + "&REQUEST=GetCapabilities");
        assertThat(capabilities).contains("LAYERS=districts", "行政区 / Districts", "LAYERS=plan");
        Path out = temp.resolve("districts.png");
        Gdal.run("gdal_translate", "-of", "PNG", "-outsize", Integer.toString(WIDTH), Integer.toString(HEIGHT),
                base + "&REQUEST=GetMap&LAYERS=districts&CRS=EPSG:4326&BBOX=" + SOUTH + "," + WEST + "," + NORTH + ","
                        + EAST + "&FORMAT=image/png&TRANSPARENT=FALSE&BGCOLOR=0x000000", out.toString());
        String info = Gdal.run("gdalinfo", out.toString());
        assertThat(info).contains("Size is " + WIDTH + ", " + HEIGHT, "Upper Left  ( 124.3000000,  45.3000000)");
        BufferedImage map = ImageIO.read(out.toFile());
        assertGrey(map.getRGB(column(yushu.x), row(yushu.y)), DISTRICT_ON_BLACK);
    }

    @Test
    void aPrintedMapSaysWhatItShowsAndWhatItIsNot() throws Exception {
        Http.Response pdf = http.send("POST", "/api/maps/print", """
                {"title": "长春市空间布局测试图", "paper": "A4", "orientation": "landscape",
                 "bbox": [124.9, 43.6, 125.9, 44.2]}""", "application/json");
        assertThat(pdf.status()).as(pdf.body()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        Path file = temp.resolve("map.pdf");
        Files.write(file, pdf.bytes());
        String text = run("pdftotext", file.toString(), "-");
        assertThat(text).contains("长春市空间布局测试图", "图例", "行政区 / Districts", "开发区 / Development zones",
                "国际汽车城", "示意", "示例数据", "高德", "审图号", "比例尺", "制图日期");
        run("pdftoppm", "-r", "50", "-png", file.toString(), temp.resolve("page").toString());
        BufferedImage page = ImageIO.read(temp.resolve("page-1.png").toFile());
        assertThat(page.getWidth()).isGreaterThan(page.getHeight());
        String[] image = run("pdfimages", "-list", file.toString()).lines().skip(2).findFirst().orElseThrow().trim()
                .split("\\s+");
        // the map is drawn at 200 dpi on paper (columns x-ppi and y-ppi)
        assertThat(Integer.parseInt(image[12])).isGreaterThanOrEqualTo(200);
        assertThat(Integer.parseInt(image[13])).isGreaterThanOrEqualTo(200);

        assertThat(http.send("POST", "/api/maps/print", "{\"paper\": \"A5\"}", "application/json").status()).isEqualTo(400);
        assertThat(http.send("POST", "/api/maps/print", "{\"paper\": \"A3\", \"dpi\": 300, \"orientation\": \"landscape\"}",
                "application/json").body()).contains("dpi");
        assertThat(http.send("POST", "/api/maps/print", "{\"layers\": [\"nowhere\"]}", "application/json").status())
                .isEqualTo(400);
    }

    static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + ":\n" + output).isZero();
        return output;
    }
}
