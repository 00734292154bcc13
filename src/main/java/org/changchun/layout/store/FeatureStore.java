package org.changchun.layout.store;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.FeatureLink;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.feature.LayerKind;
import org.changchun.layout.feature.LayerSpec;
import org.changchun.layout.feature.LayerVersion;
import org.changchun.layout.query.FeatureQuery;
import org.locationtech.jts.geom.Geometry;

/**
 * The one port every feature of the service talks to for layers, features and their links.
 * Implementations hold all SQL; callers never see a table or a dialect.
 *
 * <p>Consistency rules every implementation keeps:
 * <ul>
 *   <li>a layer write is all or nothing: readers see the previous version until the new one
 *       is complete, links included, and a failed write leaves no trace;</li>
 *   <li>features of {@linkplain LayerKind#isLinkSource() linking layers} are linked to every
 *       {@link LayerKind#PLAN_AREA} polygon they intersect, with the store's spatial index, and
 *       the links are recomputed whenever either side changes;</li>
 *   <li>every write changes the layer's {@link LayerInfo#dataVersion()}.</li>
 * </ul>
 */
public interface FeatureStore {

    StoreDescription describe();

    /** Every layer that has a current version, in the order they were first written. */
    List<LayerInfo> layers();

    Optional<LayerInfo> layer(String layerId);

    /**
     * Writes a new version of a layer (creating the layer if it is new) and makes it current.
     * The previous version is kept so it can be restored.
     *
     * @throws ConcurrentLayerWriteException if another writer replaced the layer meanwhile
     * @throws IllegalArgumentException      if a feature id repeats or a property does not fit
     *                                       its field
     */
    LayerInfo writeLayer(LayerSpec spec, Iterator<Feature> features, WriteProgress progress);

    /**
     * Does a layer write's work on these features in memory and stores nothing: checks and encodes
     * their rows as for the database, links them to the plan's polygons and adds up their totals.
     * Rehearsed at start-up, it has the JIT compile what the first import after it runs.
     *
     * @throws IllegalArgumentException as {@link #writeLayer} would
     */
    RehearsedWrite rehearseWrite(LayerSpec spec, Iterator<Feature> features);

    /** The stored versions of a layer, newest first: the current one and those kept for restoring. */
    List<LayerVersion> versions(String layerId);

    /**
     * Makes a kept version current again, atomically and with its links recomputed; the version it
     * replaces is kept in its turn (retention then applies as after a write).
     *
     * @throws java.util.NoSuchElementException if the layer has no such kept version
     */
    LayerInfo restore(String layerId, long version);

    /** Every feature of a layer, ordered by id; meant for the small plan layers. */
    List<Feature> features(String layerId);

    Optional<Feature> feature(String layerId, String featureId);

    /**
     * Lets a reader pull every feature of a layer, in id order, from a stream backed by a cursor,
     * so a layer of any size passes through a small heap. The stream is open only during the call.
     */
    <T> T readFeatures(String layerId, Function<Stream<Feature>, T> reader);

    /**
     * Lets a reader pull every feature that matches a query's box and filter, in no particular
     * order and unpaged (its limit, offset and sort are not used), from a stream backed by a
     * cursor: for answers computed from every match, such as totals, in a small heap. The reader
     * may be called a second time, on a fresh stream, if the first read failed on a standby; it
     * must compute its answer from the stream alone.
     *
     * @throws org.changchun.layout.query.InvalidQueryException as {@link #query} does
     */
    <T> T readMatching(FeatureQuery query, Function<Stream<Feature>, T> reader);

    /**
     * Hands every geometry of a layer to the consumer, in no particular order and without the
     * attributes, from a cursor: for an index kept in memory, which needs neither.
     */
    void readGeometries(String layerId, Consumer<Geometry> consumer);

    /**
     * The first {@code limit} features, by id, of a layer whose geometry intersects the given one
     * (WGS84); unlike {@link #query}, nothing is counted.
     */
    List<Feature> intersecting(String layerId, Geometry geometry, int limit);

    /**
     * One page of the features of a layer that match a query, run inside the store with bound
     * parameters.
     *
     * @throws org.changchun.layout.query.InvalidQueryException if the query names a property the
     *         layer does not have or compares values that cannot be compared
     */
    FeaturePage query(FeatureQuery query);

    /**
     * Adds or replaces one feature of an existing layer and relinks it.
     *
     * @throws IllegalArgumentException if a property does not fit its field
     */
    void saveFeature(String layerId, Feature feature);

    /** Removes one feature and its links; returns whether it existed. */
    boolean deleteFeature(String layerId, String featureId);

    /** The plan polygons a feature is linked to, ordered by target layer and id. */
    List<FeatureLink> linksFrom(String layerId, String featureId);

    /** The features linked to one plan polygon, ordered by source layer and id. */
    List<FeatureLink> linksTo(String targetLayerId, String targetId);

    /**
     * How many features of a layer are linked to one plan polygon, counted no further than
     * {@code atMost}: enough to tell whether they are too many for one answer, without counting
     * millions.
     *
     * @param containedOnly only those the polygon contains, not those that merely intersect it
     */
    long countLinked(String sourceLayerId, String targetLayerId, String targetId, boolean containedOnly, long atMost);

    /**
     * Has every later write of a link source layer add up its features per plan polygon with tallies
     * of this factory as it stages their links, and keep the totals: amended by the factory on each
     * single edit of a feature, dropped when the links change otherwise.
     */
    void tallyLinkedFeatures(PolygonTally.Factory tallies);

    /**
     * The totals a {@link PolygonTally} kept for the features of a layer linked to one plan polygon,
     * while they still hold: none after a restore or a change of the plan layers, until the layer is
     * written again; none either for a polygon none of the layer's features is linked to.
     *
     * @param containedOnly of those the polygon contains, not of all linked to it
     */
    Optional<String> keptTotals(String sourceLayerId, String targetLayerId, String targetId, boolean containedOnly);

    /** The totals a {@link PolygonTally} kept for all the features of a layer, while they still hold. */
    Optional<String> keptLayerTotals(String sourceLayerId);

    /** Drops what interrupted writes left behind (e.g. after the process was killed). */
    void discardUnfinishedWrites();

    /**
     * Drops the tables of previous versions the retention settings no longer keep (too many, or
     * replaced too long ago); never a current version. A write and a restore do it for their layer;
     * this is for versions that grow too old while nothing is written.
     */
    void discardExpiredVersions();

    /**
     * Registers a listener for committed changes to any layer, made by this process or, where
     * the store can tell (PostGIS), by any other process using the same database.
     */
    void addChangeListener(LayerChangeListener listener);

    /**
     * The store's own vector-tile encoder, when it has one (PostGIS: ST_AsMVT); callers encode
     * in Java otherwise.
     */
    default Optional<NativeTiles> nativeTiles() {
        return Optional.empty();
    }
}
