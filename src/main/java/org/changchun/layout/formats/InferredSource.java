package org.changchun.layout.formats;

import java.util.List;
import org.changchun.layout.feature.FieldSpec;
import org.locationtech.jts.geom.Envelope;

/**
 * A text source with no schema of its own (CSV, GeoJSON), read in two passes: the first learns its
 * fields, geometry type, extent and count, which this class holds and answers; the second gives its
 * records, each starting afresh ({@link #startReading()}).
 */
abstract class InferredSource implements VectorSource {

    final InferredFields fields;
    final LayerGeometry geometry = new LayerGeometry();
    long count;

    /** @param textMayBeTyped whether text may hold numbers, booleans and dates (see {@link InferredFields}) */
    InferredSource(boolean textMayBeTyped) {
        this.fields = new InferredFields(textMayBeTyped);
    }

    @Override
    public long recordCount() {
        return count;
    }

    @Override
    public String geometryType() {
        return geometry.type();
    }

    @Override
    public List<FieldSpec> fields() {
        return fields.fields();
    }

    @Override
    public Envelope sourceExtent() {
        return geometry.extent();
    }

    @Override
    public long unreadableValues() {
        return fields.unreadable();
    }

    /** Before a pass over the records: the count of unreadable values starts again, an earlier pass is closed. */
    void startReading() {
        fields.resetUnreadable();
        close();
    }
}
