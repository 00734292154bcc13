package org.changchun.layout.tiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.geo.WebMercator;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.store.NativeTiles;
import org.changchun.layout.store.StoreProperties;
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
 *
 * <p>A client that accepts gzip gets the tile compressed (merged-point tiles shrink to a fifth,
 * district tiles by a third): another representation, so another entity tag ({@code -gzip} before its closing
 * quote, as Apache's mod_deflate marks it) and its own cache entry, compressed once.
 */
@Service
public class TileService {

    /** Marks the entity tag of a gzip-compressed tile. */
    private static final String GZIP_TAG = "-gzip";

    private final NativeTiles encoder;
    /** Whether the store encodes tiles itself; the Java encoder draws merged points from memory on its own. */
    private final boolean storeEncodes;
    private final MergedPoints mergedPoints;
    private final TileProperties properties;
    /** Tile bytes by entity tag, which names the tile, its layers' versions and its coding. */
    private final Cache<String, byte[]> cache;
    /** The digest of a set of layer versions and tile settings, by their text: many tiles, few versions. */
    private final Cache<String, String> versionDigests = Caffeine.newBuilder().maximumSize(1_000).build();
    /** Turns at encoding, so that a costly tile is not slowed by every other one at once. */
    private final EncodeSlots encodeSlots;

    TileService(FeatureStore store, TileProperties properties, StoreProperties storeProperties, MeterRegistry meters) {
        this.mergedPoints = new MergedPoints(store, properties.pointIndexSize());
        Gauge.builder("plan.tiles.point.indexes", mergedPoints, MergedPoints::held)
                .description("layers whose points are held in memory for merged-point tiles (plan.tiles.point-index-size)")
                .register(meters);
        this.storeEncodes = store.nativeTiles().isPresent();
        this.encoder = store.nativeTiles().orElseGet(() -> new JavaTileEncoder(store, mergedPoints));
        this.properties = properties;
        // a tile waits for its turn no longer than its statement may run
        this.encodeSlots = new EncodeSlots(properties.concurrentEncodes(), storeProperties.statementTimeout());
        Gauge.builder("plan.tiles.encodes.waiting", encodeSlots, EncodeSlots::waiting)
                .description("tiles waiting for their turn to be encoded (plan.tiles.max-concurrent-encodes)")
                .register(meters);
        this.cache = Caffeine.newBuilder()
                .maximumWeight(properties.cacheSize().toBytes())
                .weigher((String etag, byte[] bytes) -> bytes.length + 64)
                .recordStats()
                .build();
        // cache.gets{result=hit|miss}, evictions and size, from which dashboards take the hit ratio
        CaffeineCacheMetrics.monitor(meters, cache, "tiles");
    }

    /**
     * Reads into memory the points the layer's tiles will merge at low zooms, if it has so many
     * features that they do and its points fit ({@link MergedPoints}).
     */
    void prepare(LayerInfo layer) {
        if (thinned(layer)) {
            mergedPoints.prepare(layer);
        }
    }

    /**
     * The entity tag a tile of these layers has now, in this coding, without encoding it: a digest
     * of the layers' data versions and the tile settings, then the tile's address.
     */
    public String etag(List<LayerInfo> layers, TileAddress address, boolean gzip) {
        StringBuilder versions = new StringBuilder();
        for (LayerInfo layer : layers) {
            versions.append(layer.id()).append(':').append(layer.dataVersion()).append(',');
        }
        versions.append(properties.extent()).append(',').append(properties.buffer()).append(',')
                .append(properties.fullDetailZoom()).append(',').append(properties.thinAbove()).append(',')
                .append(properties.pointCellPixels()).append(',').append(properties.maxPointsPerTile());
        String digest = versionDigests.get(versions.toString(), TileService::digest);
        return "\"" + digest + '-' + address.z() + '-' + address.y() + '-' + address.x() + (gzip ? GZIP_TAG : "") + '"';
    }

    private static String digest(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The tile of these layers in this coding, under the entity tag {@link #etag} gave for it (once per request). */
    public Tile tile(List<LayerInfo> layers, TileAddress address, String etag, boolean gzip) {
        if (!gzip) {
            byte[] encoded = caching() ? cache.get(etag, k -> encode(layers, address)) : encode(layers, address);
            return new Tile(encoded, etag, false);
        }
        byte[] compressed = caching()
                ? cache.get(etag, k -> gzip(Optional.ofNullable(cache.getIfPresent(uncompressedEtag(etag)))
                        .orElseGet(() -> encode(layers, address))))
                : gzip(encode(layers, address));
        return new Tile(compressed, etag, compressed.length > 0);
    }

    /** The entity tag of the tile as encoded, from that of its gzip form ({@link #etag} appends the mark). */
    private static String uncompressedEtag(String gzipEtag) {
        return gzipEtag.substring(0, gzipEtag.length() - GZIP_TAG.length() - 1) + '"';
    }

    private boolean caching() {
        return properties.cacheSize().toBytes() > 0;
    }

    /**
     * The tile compressed; an empty tile stays empty (it is answered 204, without a body). At the
     * fastest level, as nginx's gzip does by default: the default level shrinks a tile only a little
     * more for several times the time, paid by every tile when the cache is off (docs/benchmarks.md,
     * "Findings").
     */
    private static byte[] gzip(byte[] tile) {
        if (tile.length == 0) {
            return tile;
        }
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(tile.length / 3 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(compressed, 64 * 1024) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            out.write(tile);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory does not fail", e);
        }
        return compressed.toByteArray();
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
        if (!storeEncodes) {
            return encodeSlots.encode(() -> encoder.tile(address.z(), address.x(), address.y(), properties.extent(),
                    properties.buffer(), wanted));
        }
        return withHeldPoints(address, wanted);
    }

    /**
     * A tile the store encodes, but with the merged points of layers held in memory counted and
     * encoded here: a layer of points only is drawn here and joined in its place (a tile is the
     * concatenation of its layers), so a tile of such layers never reaches the database; of a layer
     * of points and other features the store draws only the other features, and its points are
     * appended to that layer ({@link MergedPointTile#appendedTo}). Points not held yet come from the
     * store, which is slower at low zooms but does not make the tile wait for them.
     */
    private byte[] withHeldPoints(TileAddress address, List<NativeTiles.Layer> wanted) {
        ByteArrayOutputStream tile = new ByteArrayOutputStream();
        List<NativeTiles.Layer> fromStore = new ArrayList<>();
        for (NativeTiles.Layer layer : wanted) {
            if (layer.pointCellPixels() == 0) {
                fromStore.add(layer);
            } else if (MergedPoints.onlyPoints(layer.layer())) {
                Optional<byte[]> held = mergedPoints.tileLayer(layer.layer(), layer.mvtLayerName(), address.z(),
                        address.x(), address.y(), properties.extent(), properties.buffer(), layer.pointCellPixels());
                if (held.isEmpty()) {
                    fromStore.add(layer);
                    continue;
                }
                tile.writeBytes(storeTile(address, fromStore));
                fromStore.clear();
                tile.writeBytes(held.get());
            } else {
                Optional<MergedPointTile> cells = mergedPoints.counted(layer.layer(), address.z(), address.x(),
                        address.y(), properties.extent(), properties.buffer(), layer.pointCellPixels());
                if (cells.isEmpty()) {
                    fromStore.add(layer);
                    continue;
                }
                tile.writeBytes(storeTile(address, fromStore));
                fromStore.clear();
                byte[] otherFeatures = storeTile(address, List.of(layer.withPointsDrawnElsewhere()));
                tile.writeBytes(cells.get().appendedTo(otherFeatures, layer.mvtLayerName(), properties.extent()));
            }
        }
        tile.writeBytes(storeTile(address, fromStore));
        return tile.toByteArray();
    }

    private byte[] storeTile(TileAddress address, List<NativeTiles.Layer> layers) {
        return layers.isEmpty() ? new byte[0] : encodeSlots.encode(() -> encoder.tile(address.z(), address.x(),
                address.y(), properties.extent(), properties.buffer(), layers));
    }

    /** A tile outside a layer's extent is empty; no need to ask the store. */
    private static boolean intersects(LayerInfo layer, Envelope read) {
        return Optional.ofNullable(layer.extent()).filter(e -> !e.isNull()).map(read::intersects).orElse(false);
    }

    /**
     * The cell the layer's points merge in on this tile, 0 for every point drawn: below the
     * full-detail zoom a big layer's points always merge; from it on, only where the tile would
     * draw more of them than {@code plan.tiles.max-points-per-tile}, known from its points in memory.
     */
    private int pointCell(LayerInfo layer, TileAddress address) {
        if (!thinned(layer)) {
            return 0;
        }
        boolean thin = address.z() < properties.fullDetailZoom()
                || mergedPoints.holdable(layer)
                && mergedPoints.pointsIn(layer, address.z(), address.x(), address.y()) > properties.maxPointsPerTile();
        return thin ? properties.pointCellPixels() : 0;
    }

    /** Whether the layer's points merge per cell below the full-detail zoom. */
    private boolean thinned(LayerInfo layer) {
        return layer.featureCount() > properties.thinAbove();
    }
}
