package org.changchun.layout.tiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.changchun.layout.geo.WebMercator;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.store.LayerInfo;
import org.changchun.layout.store.NativeTiles;
import org.locationtech.jts.geom.Envelope;
import org.springframework.stereotype.Service;

/**
 * Makes vector tiles: encoded by the store where it can (PostGIS), in Java otherwise, and kept in
 * a cache bounded in bytes.
 *
 * <p>A tile's identity includes the data version of each of its layers, which the store changes
 * on every write and the catalog learns of at once, on every replica. A write therefore gives
 * every affected tile a new key and a new entity tag: stale tiles are never served, and are simply
 * left to age out of the cache.
 */
@Service
class TileService {

    private final NativeTiles encoder;
    private final TileProperties properties;
    /** Tile bytes by entity tag, which names the tile and its layers' versions. */
    private final Cache<String, byte[]> cache;
    /** The digest of a set of layer versions and tile settings, by their text: many tiles, few versions. */
    private final Cache<String, String> versionDigests = Caffeine.newBuilder().maximumSize(1_000).build();

    TileService(FeatureStore store, TileProperties properties, MeterRegistry meters) {
        this.encoder = store.nativeTiles().orElseGet(() -> new JavaTileEncoder(store, properties.pointIndexSize()));
        this.properties = properties;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(properties.cacheSize().toBytes())
                .weigher((String etag, byte[] bytes) -> bytes.length + 64)
                .recordStats()
                .build();
        // cache.gets{result=hit|miss}, evictions and size, from which dashboards take the hit ratio
        CaffeineCacheMetrics.monitor(meters, cache, "tiles");
    }

    /**
     * The entity tag a tile of these layers has now, without encoding it: a digest of the layers'
     * data versions and the tile settings, then the tile's address.
     */
    String etag(List<LayerInfo> layers, TileAddress address) {
        StringBuilder versions = new StringBuilder();
        for (LayerInfo layer : layers) {
            versions.append(layer.id()).append(':').append(layer.dataVersion()).append(',');
        }
        versions.append(properties.extent()).append(',').append(properties.buffer()).append(',')
                .append(properties.fullDetailZoom()).append(',').append(properties.thinAbove()).append(',')
                .append(properties.pointCellPixels());
        String digest = versionDigests.get(versions.toString(), TileService::digest);
        return "\"" + digest + '-' + address.z() + '-' + address.y() + '-' + address.x() + '"';
    }

    private static String digest(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The tile of these layers, under the entity tag {@link #etag} gave for them (computed once per request). */
    Tile tile(List<LayerInfo> layers, TileAddress address, String etag) {
        byte[] bytes = properties.cacheSize().toBytes() > 0
                ? cache.get(etag, k -> encode(layers, address))
                : encode(layers, address);
        return new Tile(bytes, etag);
    }

    private byte[] encode(List<LayerInfo> layers, TileAddress address) {
        Envelope read = WebMercator.toLonLat(address.mercator(properties.extent(), properties.buffer()));
        List<NativeTiles.Layer> wanted = layers.stream()
                .filter(layer -> intersects(layer, read))
                .map(layer -> new NativeTiles.Layer(layer, layer.id(), pointCell(layer, address)))
                .toList();
        if (wanted.isEmpty()) {
            return new byte[0];
        }
        return encoder.tile(address.z(), address.x(), address.y(), properties.extent(), properties.buffer(), wanted);
    }

    /** A tile outside a layer's extent is empty; no need to ask the store. */
    private static boolean intersects(LayerInfo layer, Envelope read) {
        return Optional.ofNullable(layer.extent()).filter(e -> !e.isNull()).map(read::intersects).orElse(false);
    }

    private int pointCell(LayerInfo layer, TileAddress address) {
        boolean thin = address.z() < properties.fullDetailZoom() && layer.featureCount() > properties.thinAbove();
        return thin ? properties.pointCellPixels() : 0;
    }
}
