package org.changchun.layout.maps;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.changchun.layout.feature.LayerInfo;
import org.springframework.stereotype.Service;

/**
 * Encoded maps, cached like tiles: each has a strong entity tag made of its layers' data versions,
 * the style's version and what was asked (box, size, CRS, format, background), so a write to a layer
 * or a change of style gives the next request a new map and a new tag, and the old entry is never hit again.
 */
@Service
public class RenderedMaps {

    /** An encoded map and its entity tag (quoted). */
    public record MapImage(byte[] bytes, String etag, MapFormat format) {
    }

    private final MapRenderer renderer;
    private final PlanStyle style;
    private final MapsProperties properties;
    private final Cache<String, byte[]> cache;

    RenderedMaps(MapRenderer renderer, PlanStyle style, MapsProperties properties, MeterRegistry meters) {
        this.renderer = renderer;
        this.style = style;
        this.properties = properties;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(properties.cacheSize().toBytes())
                .weigher((String etag, byte[] bytes) -> bytes.length + 64)
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, cache, "maps");
    }

    public int maxAge() {
        return properties.maxAge();
    }

    /** The entity tag the map has now, without drawing it. */
    public String etag(MapRenderer.Request request, MapFormat format) {
        StringBuilder key = new StringBuilder(style.version());
        for (LayerInfo layer : request.layers()) {
            key.append(',').append(layer.id()).append(':').append(layer.dataVersion());
        }
        MapView view = request.view();
        key.append('|').append(view.crs()).append('|').append(view.plane().getMinX()).append(',')
                .append(view.plane().getMinY()).append(',').append(view.plane().getMaxX()).append(',')
                .append(view.plane().getMaxY()).append('|').append(view.width()).append('x').append(view.height())
                .append('@').append(view.pixelRatio()).append('|').append(format).append('|')
                .append(request.background() == null ? "transparent" : Integer.toHexString(request.background().getRGB()));
        return '"' + digest(key.toString()) + '"';
    }

    /** The map under the entity tag {@link #etag} gave for it. */
    public MapImage image(MapRenderer.Request request, MapFormat format, String etag) {
        byte[] bytes = properties.cacheSize().toBytes() > 0
                ? cache.get(etag, k -> encode(request, format))
                : encode(request, format);
        return new MapImage(bytes, etag, format);
    }

    private byte[] encode(MapRenderer.Request request, MapFormat format) {
        MapRenderer.Request drawn = format == MapFormat.JPEG && request.background() == null
                ? new MapRenderer.Request(request.layers(), request.view(), Color.WHITE) : request;
        return format.encode(renderer.render(drawn));
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)), 0, 16).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
