package org.changchun.layout.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.webjars.WebJarVersionLocator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Someone else's map: a page on another origin (its own little HTTP server) draws the plan with
 * OpenLayers, with the service's default settings: the whole plan's TileJSON, its vector tiles
 * and attribution, and OGC API features beside them. Without CORS headers on public reads the
 * browser lets the page see none of it and the map stays empty.
 */
class OtherOriginMapTest extends BrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final WebJarVersionLocator WEBJARS = new WebJarVersionLocator();

    private HttpServer otherOrigin;

    @BeforeAll
    void serveTheOtherPage() throws IOException {
        otherOrigin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        otherOrigin.createContext("/", this::answer);
        otherOrigin.start();
    }

    @AfterAll
    void stopTheOtherPage() {
        otherOrigin.stop(0);
    }

    @Test
    void aPageOnAnotherOriginReadsTilesTileJsonAndFeaturesWithDefaultSettings() {
        browser.driver().get("http://127.0.0.1:" + otherOrigin.getAddress().getPort() + "/map.html");
        browser.waitUntil("the other page has read the plan", () -> browser.script(
                "return document.body.dataset.result || document.body.dataset.error || null") != null);
        String error = browser.script("return document.body.dataset.error || null");
        assertThat(error).as("what the other page could not read; browser console: " + browser.errors()).isNull();

        JsonNode read = JSON.readTree((String) browser.script("return document.body.dataset.result"));
        assertThat(read.get("layers").toString()).contains("districts", "projects");
        assertThat(read.get("painted").asInt()).as("pixels the map drew of its 512 × 512").isGreaterThan(10_000);
        assertThat(read.get("drawn").toString()).as("features at the map's centre, with their attributes")
                .contains("districts:").contains("区");
        assertThat(read.get("attribution").asString()).as("the map's credits, from the TileJSON")
                .contains(read.get("tilejsonAttribution").asString().substring(0, 10));
        assertThat(read.get("items").asInt()).isEqualTo(5);
        assertThat(read.get("etag").asString()).as("exposed to the page, for revalidating").startsWith("\"");
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body;
        String type;
        if (path.equals("/map.html")) {
            body = page().getBytes(StandardCharsets.UTF_8);
            type = "text/html; charset=utf-8";
        } else if (path.equals("/pbf-module.js")) {
            // OpenLayers imports pbf as a module; the pbf 3 webjar is a script that sets a global
            body = "export default self.Pbf;".getBytes(StandardCharsets.UTF_8);
            type = "text/javascript";
        } else {
            String resource = path.startsWith("/webjars/")
                    ? fullWebJarPath(path.substring("/webjars/".length())) : "static" + path;
            try (InputStream in = resource == null ? null : getClass().getClassLoader().getResourceAsStream(resource)) {
                body = in == null ? null : in.readAllBytes();
            }
            type = "text/javascript";
        }
        if (body == null) {
            exchange.sendResponseHeaders(404, -1);
        } else {
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    /** {@code name/path} of a webjar, as the service's own locator finds it on the classpath. */
    private static String fullWebJarPath(String nameAndPath) {
        int slash = nameAndPath.indexOf('/');
        return WEBJARS.fullPath(nameAndPath.substring(0, slash), nameAndPath.substring(slash + 1));
    }

    /**
     * The other origin's page: an OpenLayers map of the plan's vector tiles from its combined TileJSON,
     * with the TileJSON's attribution, and an OGC API items request beside it. The page reports what
     * it drew once the map has finished rendering.
     */
    private String page() {
        return """
                <!doctype html><html><head><meta charset="utf-8"><title>另一个地图 / another map</title>
                <script src="webjars/pbf/dist/pbf.js"></script>
                <script type="importmap">
                {"imports": {"ol/": "./webjars/ol/", "rbush": "./webjars/rbush/index.js",
                             "quickselect": "./webjars/quickselect/index.js",
                             "earcut": "./webjars/earcut/src/earcut.js", "pbf": "./pbf-module.js"}}
                </script></head><body>
                <div id="map" style="width: 512px; height: 512px"></div>
                <script type="module">
                import Map from 'ol/Map.js';
                import View from 'ol/View.js';
                import MVT from 'ol/format/MVT.js';
                import VectorTileLayer from 'ol/layer/VectorTile.js';
                import VectorTileSource from 'ol/source/VectorTile.js';
                import { fromLonLat } from 'ol/proj.js';
                const plan = 'PLAN';
                async function read() {
                  const tilejson = await (await fetch(plan + '/ogc/tiles/WebMercatorQuad/tilejson.json')).json();
                  const source = new VectorTileSource({ format: new MVT(), urls: tilejson.tiles,
                                                        attributions: tilejson.attribution });
                  let etag = null;
                  const loader = source.getTileLoadFunction();
                  source.setTileLoadFunction((tile, url) => {
                    loader(tile, url);
                    if (etag === null) fetch(url).then((r) => { etag = r.headers.get('ETag'); });
                  });
                  const map = new Map({ target: 'map', layers: [new VectorTileLayer({ source })],
                                        view: new View({ center: fromLonLat([125.32, 43.88]), zoom: 10 }) });
                  await new Promise((resolve) => map.once('rendercomplete', resolve));
                  const drawn = map.getFeaturesAtPixel([256, 256]).map((f) => f.get('layer') + ':' + f.get('name_zh'));
                  const canvas = map.getViewport().querySelector('canvas');
                  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                  let painted = 0;
                  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
                  const items = await (await fetch(plan + '/ogc/collections/districts/items?limit=5')).json();
                  while (etag === null) await new Promise((resolve) => setTimeout(resolve, 50));
                  return { layers: tilejson.vector_layers.map((l) => l.id), drawn, painted,
                           attribution: document.querySelector('.ol-attribution').textContent,
                           tilejsonAttribution: tilejson.attribution,
                           items: items.features.length, etag };
                }
                read().then((result) => { document.body.dataset.result = JSON.stringify(result); },
                            (e) => { document.body.dataset.error = String(e); });
                </script></body></html>
                """.replace("PLAN", "http://localhost:" + port);
    }
}
