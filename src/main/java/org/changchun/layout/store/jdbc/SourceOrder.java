package org.changchun.layout.store.jdbc;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.changchun.layout.feature.Feature;
import org.locationtech.jts.geom.Envelope;

/**
 * Whether a layer's features arrive in spatial order already, judged from the first ones before the
 * layer's table is made. A parcel layer as agencies deliver it runs block by block or row by row, each
 * parcel beside the one before: its rows are then stored as they come, streaming to the database
 * while the file is read, since sorting them first by {@link HilbertKey} (in memory and spill files,
 * the database idle until the last has come) would gain a tile or a box next to nothing: what it
 * reads already lies on neighbouring pages. Points exported from a database or generated at random
 * come in no such order, and are sorted on their way.
 *
 * <p>In order means: of the first {@value #SAMPLE} features, at least {@value #NEIGHBOURS_SHARE} of
 * each with the one before it lie within {@value #NEAR} of their sizes (the larger envelope's
 * diagonal, or for points the mean spacing of the sample over its extent) of each other. A layer
 * smaller than the sample is always sorted: that costs little. The features are read on
 * from where the sample ended; none is read twice.
 */
final class SourceOrder implements Iterator<Feature> {

    static final int SAMPLE = 10_000;
    private static final double NEIGHBOURS_SHARE = 0.9;
    private static final double NEAR = 4;

    private final List<Feature> sample;
    private final Iterator<Feature> rest;
    private final boolean spatial;
    private int next;

    private SourceOrder(List<Feature> sample, Iterator<Feature> rest) {
        this.sample = sample;
        this.rest = rest;
        this.spatial = sample.size() == SAMPLE && neighbouringShare(sample) >= NEIGHBOURS_SHARE;
    }

    /** Reads the first features of the source to judge its order; iterates over all of them. */
    static SourceOrder of(Iterator<Feature> source) {
        List<Feature> sample = new ArrayList<>(SAMPLE);
        while (sample.size() < SAMPLE && source.hasNext()) {
            sample.add(source.next());
        }
        return new SourceOrder(sample, source);
    }

    /** Whether the features come in spatial order, so that they need not be sorted into it. */
    boolean spatial() {
        return spatial;
    }

    @Override
    public boolean hasNext() {
        return next < sample.size() || rest.hasNext();
    }

    @Override
    public Feature next() {
        if (next < sample.size()) {
            Feature feature = sample.get(next);
            sample.set(next++, null);
            return feature;
        }
        if (!rest.hasNext()) {
            throw new NoSuchElementException();
        }
        return rest.next();
    }

    /** The share of features that lie near the one before them. */
    static double neighbouringShare(List<Feature> features) {
        Envelope extent = new Envelope();
        for (Feature feature : features) {
            extent.expandToInclude(feature.geometry().getEnvelopeInternal());
        }
        double spacing = Math.sqrt(extent.getArea() / features.size());
        int neighbours = 0;
        Envelope before = null;
        for (Feature feature : features) {
            Envelope envelope = feature.geometry().getEnvelopeInternal();
            if (envelope.isNull()) {
                continue;
            }
            if (before != null) {
                double size = Math.max(spacing, Math.max(diagonal(envelope), diagonal(before)));
                if (Math.hypot(envelope.centre().x - before.centre().x, envelope.centre().y - before.centre().y)
                        <= NEAR * size) {
                    neighbours++;
                }
            }
            before = envelope;
        }
        return features.size() < 2 ? 0 : (double) neighbours / (features.size() - 1);
    }

    private static double diagonal(Envelope envelope) {
        return Math.hypot(envelope.getWidth(), envelope.getHeight());
    }
}
