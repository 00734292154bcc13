package org.changchun.layout.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.webjars.WebJarVersionLocator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Someone else's map: a page on another origin (its own little HTTP server) reads the plan as a
 * MapLibre or OpenLayers map would, with the service's default settings: the whole plan's
 * TileJSON, a tile from its address (decoded with the same @mapbox/vector-tile and pbf the map
 * page uses) and OGC API features. Without CORS headers on public reads the browser lets the page
 * see none of it.
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
        assertThat(read.get("districtsInTile").asInt()).isPositive();
        assertThat(read.get("names").toString()).as("the features' attributes").contains("区");
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
        } else if (path.startsWith("/js/modules/")) {
            body = fromThePlan(path);
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

    /**
     * The vector-tile library as ES modules, copied from the plan service as another site would host
     * its own copy (module scripts from a third origin would need CORS of their own).
     */
    private byte[] fromThePlan(String path) throws IOException {
        try (InputStream in = URI.create("http://localhost:" + port + path).toURL().openStream()) {
            return in.readAllBytes();
        }
    }

    /** {@code name/path} of a webjar, as the service's own locator finds it on the classpath. */
    private static String fullWebJarPath(String nameAndPath) {
        int slash = nameAndPath.indexOf('/');
        return WEBJARS.fullPath(nameAndPath.substring(0, slash), nameAndPath.substring(slash + 1));
    }

    /** The other origin's page: nothing but what a map library would ask the plan for. */
    private String page() {
        return """
                <!doctype html><html><head><meta charset="utf-8"><title>另一个地图 / another map</title>
                <script src="webjars/pbf/dist/pbf.js"></script></head><body>
                <script type="module">
                const plan = 'PLAN';
                async function read() {
                  const { VectorTile } = (await import('./js/modules/mapbox__vector-tile/index.js')).default;
                  const tilejson = await (await fetch(plan + '/ogc/tiles/WebMercatorQuad/tilejson.json')).json();
                  const address = tilejson.tiles[0].replace('{z}', '10').replace('{y}', '372').replace('{x}', '868');
                  const response = await fetch(address);
                  const tile = new VectorTile(new Pbf(await response.arrayBuffer()));
                  const districts = tile.layers.districts;
                  const names = [];
                  for (let i = 0; districts && i < districts.length; i++) {
                    names.push(districts.feature(i).properties.name_zh);
                  }
                  const items = await (await fetch(plan + '/ogc/collections/districts/items?limit=5')).json();
                  return { layers: Object.keys(tile.layers), districtsInTile: districts ? districts.length : 0, names,
                           items: items.features.length, etag: response.headers.get('ETag') };
                }
                read().then((result) => { document.body.dataset.result = JSON.stringify(result); },
                            (e) => { document.body.dataset.error = String(e); });
                </script></body></html>
                """.replace("PLAN", "http://localhost:" + port);
    }
}
