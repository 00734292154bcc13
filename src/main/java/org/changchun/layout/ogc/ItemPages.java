package org.changchun.layout.ogc;

import java.util.ArrayList;
import java.util.List;
import org.changchun.layout.catalog.LayerCatalog;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.http.MediaTypes;
import org.changchun.layout.limits.LimitsProperties;
import org.changchun.layout.store.FeaturePage;
import org.changchun.layout.store.FeatureStore;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * A page of a collection's items, decided here once for the two doors it is answered by: the
 * controller at the end of the servlet chain ({@link ItemsController}) and the service's front
 * door, which answers an anonymous page of GeoJSON without that chain. A door reads the request
 * ({@link #read}), asks for the page and writes it with the headers {@link GeoJsonPage} names.
 */
@Component
public class ItemPages {

    /** The route of a page of items, as the request timers name it. */
    public static final String ROUTE = "/ogc/collections/{collectionId}/items";

    /** A request for a page, checked: the layer exists and every parameter is well formed. */
    public static final class Request {

        private final LayerInfo layer;
        private final ItemsRequest items;

        private Request(LayerInfo layer, ItemsRequest items) {
            this.layer = layer;
            this.items = items;
        }

        /** Whether the page is asked for as HTML ({@code f=html}, or a browser's Accept). */
        public boolean asHtml() {
            return items.format() == OgcFormat.HTML;
        }

        LayerInfo layer() {
            return layer;
        }

        ItemsRequest items() {
            return items;
        }
    }

    /**
     * A page as GeoJSON: its bytes and the value of its {@code Content-Crs} header; its
     * {@code Content-Type} is {@link MediaTypes#GEOJSON}.
     */
    public record GeoJsonPage(byte[] body, String contentCrs) {
    }

    private final LayerCatalog catalog;
    private final FeatureStore store;
    private final JsonMapper json;
    private final LimitsProperties limits;

    ItemPages(LayerCatalog catalog, FeatureStore store, JsonMapper json, LimitsProperties limits) {
        this.catalog = catalog;
        this.store = store;
        this.json = json;
        this.limits = limits;
    }

    /**
     * Checks a request for a page.
     *
     * @param parameters the query's parameters, decoded, in the order sent
     * @throws RuntimeException the problem the client is told of: no such collection, or a
     *                          parameter to fix
     */
    public Request read(String collectionId, MultiValueMap<String, String> parameters, String accept) {
        LayerInfo layer = catalog.get(collectionId);
        return new Request(layer, ItemsRequest.parse(layer, parameters, accept, limits));
    }

    /** The page asked for, as GeoJSON, its links pointing at this address. */
    public GeoJsonPage geoJson(Request request, PageAddress address) {
        ItemsRequest items = request.items();
        FeaturePage page = query(request);
        return new GeoJsonPage(FeatureCollectionWriter.write(json, page.features(), items.crs(), items.properties(),
                page.numberMatched(), links(request, page, address)), "<" + items.crs().uri() + ">");
    }

    FeaturePage query(Request request) {
        return store.query(request.items().query());
    }

    static List<Link> links(Request request, FeaturePage page, PageAddress address) {
        List<Link> links = new ArrayList<>();
        links.add(new Link(address.current("json", null, null), "self", MediaTypes.GEOJSON_VALUE,
                "本页 / this page"));
        links.add(new Link(address.current("html", null, null), "alternate", MediaTypes.HTML_VALUE,
                "网页 / as HTML"));
        long offset = request.items().query().offset();
        int limit = request.items().query().limit();
        if (offset + page.features().size() < page.numberMatched()) {
            pageLinks(links, address, "next", offset + limit, "下一页 / next page");
        }
        if (offset > 0) {
            pageLinks(links, address, "prev", Math.max(0, offset - limit), "上一页 / previous page");
        }
        links.add(new Link(address.ogc("/collections/" + request.layer().id()), "collection", MediaTypes.JSON_VALUE,
                CollectionView.title(request.layer().description())));
        return links;
    }

    private static void pageLinks(List<Link> links, PageAddress address, String rel, long offset, String title) {
        links.add(new Link(address.current("json", "offset", offset), rel, MediaTypes.GEOJSON_VALUE, title));
        links.add(new Link(address.current("html", "offset", offset), rel, MediaTypes.HTML_VALUE, title));
    }
}
