package org.changchun.layout.indicators;

/**
 * An area figures are recorded for: the whole city or one of its districts, by adcode (GB/T 2260).
 *
 * @param district whether it is a district (else the whole city)
 */
public record IndicatorArea(String adcode, String nameZh, String nameEn, boolean district) {
}
