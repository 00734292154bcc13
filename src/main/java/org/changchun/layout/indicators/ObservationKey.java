package org.changchun.layout.indicators;

/** What identifies a figure: the indicator, the year and the area (an adcode). */
public record ObservationKey(String indicator, int year, String area) {

    @Override
    public String toString() {
        return indicator + " " + year + " " + area;
    }
}
