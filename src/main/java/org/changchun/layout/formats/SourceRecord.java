package org.changchun.layout.formats;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature as a file holds it: its place in the file (from 0), its geometry in the file's
 * coordinates (null when it has none) and its values by field name.
 */
public record SourceRecord(int index, Geometry geometry, Map<String, Object> values) {
}
