package org.changchun.layout.tiles;

import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;

/**
 * The cells in which one tile merges its points: the quadtree cells {@code cellPixels} tile units
 * wide, at level {@code z + log2(extent / cellPixels)}, from those of the tile itself out to the
 * last whole cell of its buffer. A point merges into the cell that holds its true position and
 * is drawn at the cell's centre with the count of its points. Both stores follow this rule (the
 * PostGIS statement in {@code PostgisMvtSql}, the Java encoder with {@link PointCells}); quadtree
 * cells, unlike cells centred on the grid's multiples, nest from zoom to zoom, so that a layer's
 * points kept in memory answer every zoom.
 *
 * @param level       the quadtree level of the cells
 * @param firstColumn the column of the tile's west-most cell at that level
 * @param firstRow    the row of its north-most cell
 * @param cellsPerSide cells per side of the tile
 * @param bufferCells whole cells within the buffer, on each side
 * @param cellPixels  tile units per side of a cell
 */
record MergeCells(int level, long firstColumn, long firstRow, int cellsPerSide, int bufferCells, int cellPixels) {

    /** The tile's cells; none where the cells do not tile it evenly or are finer than {@link PointCells} holds. */
    static Optional<MergeCells> of(int z, int x, int y, int extent, int buffer, int cellPixels) {
        if (cellPixels <= 0 || extent % cellPixels != 0 || Integer.bitCount(extent / cellPixels) != 1) {
            return Optional.empty();
        }
        int cellsPerSide = extent / cellPixels;
        int level = z + Integer.numberOfTrailingZeros(cellsPerSide);
        if (level > PointCells.FINEST_LEVEL) {
            return Optional.empty();
        }
        return Optional.of(new MergeCells(level, (long) x * cellsPerSide, (long) y * cellsPerSide, cellsPerSide,
                buffer / cellPixels, cellPixels));
    }

    long minColumn() {
        return firstColumn - bufferCells;
    }

    long maxColumn() {
        return firstColumn + cellsPerSide - 1 + bufferCells;
    }

    long minRow() {
        return firstRow - bufferCells;
    }

    long maxRow() {
        return firstRow + cellsPerSide - 1 + bufferCells;
    }

    /** Whether the cell at this column and row (at {@link #level}) is drawn in the tile. */
    boolean holds(long column, long row) {
        return column >= minColumn() && column <= maxColumn() && row >= minRow() && row <= maxRow();
    }

    /** The centre of the cell in tile units (y down, as the tile grid runs). */
    Coordinate centre(long column, long row) {
        return new Coordinate(centreX(column), centreY(row));
    }

    /** The x of the centre of the cells of this column, in tile units. */
    int centreX(long column) {
        return (int) (column - firstColumn) * cellPixels + cellPixels / 2;
    }

    /** The y of the centre of the cells of this row, in tile units (y down). */
    int centreY(long row) {
        return (int) (row - firstRow) * cellPixels + cellPixels / 2;
    }
}
