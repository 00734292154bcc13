package org.changchun.layout.store;

import java.util.List;

import org.changchun.layout.feature.Feature;
/**
 * One page of a query's features.
 *
 * @param numberMatched how many features match the query in all pages
 */
public record FeaturePage(List<Feature> features, long numberMatched) {

    public FeaturePage {
        features = List.copyOf(features);
    }
}
