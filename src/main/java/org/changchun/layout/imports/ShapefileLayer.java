package org.changchun.layout.imports;

import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.List;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.formats.SourceRecord;
import org.changchun.layout.formats.UnreadableSourceException;
import org.changchun.layout.formats.VectorSource;
import org.changchun.layout.shapefile.InvalidShapefileException;
import org.changchun.layout.shapefile.ShapefileSet;
import org.changchun.layout.shapefile.ShapefileSource;
import org.locationtech.jts.geom.Envelope;

/** A shapefile as one of the layers an import reads: the codec's reader, its refusals in the readers' terms. */
final class ShapefileLayer implements VectorSource {

    private final ShapefileSource source;

    private ShapefileLayer(ShapefileSource source) {
        this.source = source;
    }

    static ShapefileLayer open(ShapefileSet set, Charset charset) {
        try {
            return new ShapefileLayer(ShapefileSource.open(set, charset));
        } catch (InvalidShapefileException e) {
            throw unreadable(e);
        }
    }

    @Override
    public long recordCount() {
        return source.recordCount();
    }

    @Override
    public String geometryType() {
        return source.geometryType();
    }

    @Override
    public List<FieldSpec> fields() {
        return source.fields();
    }

    @Override
    public Envelope sourceExtent() {
        return source.sourceExtent();
    }

    @Override
    public Iterator<SourceRecord> records() {
        Iterator<ShapefileSource.Record> records = source.records();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return records.hasNext();
                } catch (InvalidShapefileException e) {
                    throw unreadable(e);
                }
            }

            @Override
            public SourceRecord next() {
                ShapefileSource.Record record = records.next();
                return new SourceRecord(record.index(), record.geometry(), record.values());
            }
        };
    }

    @Override
    public long unreadableValues() {
        return source.unreadableValues();
    }

    @Override
    public void close() {
        source.close();
    }

    private static UnreadableSourceException unreadable(InvalidShapefileException e) {
        UnreadableSourceException unreadable = new UnreadableSourceException(e.messageZh(), e.messageEn());
        unreadable.initCause(e);
        return unreadable;
    }
}
