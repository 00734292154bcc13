package org.changchun.layout.history;

import java.util.List;

/**
 * A comparison ready to run: the two kept versions, how features are matched, and the fields one
 * version has and the other not.
 *
 * @param fieldsAdded   fields of the later version the earlier one does not have
 * @param fieldsRemoved fields of the earlier version the later one does not have
 */
record Comparison(VersionPair pair, VersionRecord from, VersionRecord to, List<String> fieldsAdded,
                  List<String> fieldsRemoved) {

    /** "id", or the key field's name. */
    String matchedBy() {
        return pair.key().orElse("id");
    }
}
