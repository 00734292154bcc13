package org.changchun.layout.history;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.query.InvalidQueryException;
import org.springframework.stereotype.Service;

/**
 * Compares two kept versions of a layer: checks what the request names (the versions, the key
 * field), then streams the store's changes with their geometric measures.
 *
 * <p>A version is its table as it stands: single-feature edits (OGC API Part 4 on the project
 * library) change the current version in place, so a version that was edited compares with the
 * edits made while it was current; each edit is in the layer's timeline.
 */
@Service
class VersionComparisons {

    /** How many repeated key values a refusal shows. */
    private static final int SHOWN_REPEATS = 3;

    private final LayerHistory history;

    VersionComparisons(LayerHistory history) {
        this.history = history;
    }

    /**
     * @param from the earlier version; by default the newest kept version before {@code to}
     * @param to   the later version; by default the current one
     * @param key  a field matching features across the versions; by default they match by id
     */
    Comparison prepare(String layerId, Optional<Long> from, Optional<Long> to, Optional<String> key) {
        List<VersionRecord> kept = history.versions(layerId).stream().filter(VersionRecord::isKept).toList();
        VersionRecord later = to.map(version -> kept(kept, layerId, version))
                .orElseGet(() -> kept.stream().filter(VersionRecord::isCurrent).findFirst()
                        .orElseThrow(() -> new IllegalStateException("layer " + layerId + " has no current version")));
        VersionRecord earlier = from.map(version -> kept(kept, layerId, version))
                .orElseGet(() -> kept.stream().filter(v -> v.version() < later.version()).findFirst()
                        .orElseThrow(() -> VersionNotKeptException.nothingBefore(layerId, later.version())));
        List<FieldSpec> fieldsFrom = fields(layerId, earlier.version());
        List<FieldSpec> fieldsTo = fields(layerId, later.version());
        key.ifPresent(field -> checkKey(layerId, field, earlier.version(), fieldsFrom, later.version(), fieldsTo));
        List<String> namesFrom = fieldsFrom.stream().map(FieldSpec::name).toList();
        List<String> namesTo = fieldsTo.stream().map(FieldSpec::name).toList();
        return new Comparison(new VersionPair(layerId, earlier.version(), fieldsFrom, later.version(), fieldsTo, key),
                earlier, later, namesTo.stream().filter(name -> !namesFrom.contains(name)).toList(),
                namesFrom.stream().filter(name -> !namesTo.contains(name)).toList());
    }

    /** Hands each change, measured, to the consumer, in the order of what matches features. */
    void changes(Comparison comparison, boolean geometries, Consumer<MeasuredChange> consumer) {
        history.changes(comparison.pair(), geometries,
                change -> consumer.accept(new MeasuredChange(change, GeometryChange.of(change))));
    }

    /** A change with its measures; {@code geometry} is null for a feature whose geometry stayed the same. */
    record MeasuredChange(FeatureChange change, GeometryChange geometry) {
    }

    private static VersionRecord kept(List<VersionRecord> kept, String layerId, long version) {
        return kept.stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> VersionNotKeptException.of(layerId, version));
    }

    private List<FieldSpec> fields(String layerId, long version) {
        return history.keptVersionFields(layerId, version)
                .orElseThrow(() -> VersionNotKeptException.of(layerId, version));
    }

    /** A key must be a field of both versions, and unique in each, or features would pair up wrongly. */
    private void checkKey(String layerId, String field, long from, List<FieldSpec> fieldsFrom, long to,
                          List<FieldSpec> fieldsTo) {
        List<String> common = fieldsFrom.stream().map(FieldSpec::name)
                .filter(name -> fieldsTo.stream().anyMatch(f -> f.name().equals(name))).toList();
        if (!common.contains(field)) {
            throw new InvalidQueryException(
                    "参数 key 应为两个版本共有的字段：" + field + " 不是（共有字段：" + String.join("、", common) + "）",
                    "key must name a field both versions have; '" + field + "' is not one (fields both have: "
                            + String.join(", ", common) + ")");
        }
        for (long version : new long[] {from, to}) {
            List<String> repeated = history.repeatedValues(version, version == from ? fieldsFrom : fieldsTo, field,
                    SHOWN_REPEATS);
            if (!repeated.isEmpty()) {
                throw new InvalidQueryException(
                        "字段“" + field + "”在图层“" + layerId + "”的版本 " + version + " 中有重复值（如 "
                                + String.join("、", repeated) + "），不能用来对应要素；请换一个唯一的字段，或不指定 key 按 id 对应",
                        "field '" + field + "' repeats in version " + version + " of layer '" + layerId + "' (e.g. "
                                + String.join(", ", repeated) + "), so it cannot match features; name a unique field, "
                                + "or leave key out to match by id");
            }
        }
    }
}
