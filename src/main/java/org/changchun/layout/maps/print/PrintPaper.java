package org.changchun.layout.maps.print;

/** The paper sizes a map is printed on, in millimetres (ISO 216). */
public enum PrintPaper {
    A4(210, 297),
    A3(297, 420);

    private final float shortSide;
    private final float longSide;

    PrintPaper(float shortSide, float longSide) {
        this.shortSide = shortSide;
        this.longSide = longSide;
    }

    public float shortSide() {
        return shortSide;
    }

    public float longSide() {
        return longSide;
    }
}
