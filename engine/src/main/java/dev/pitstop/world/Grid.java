package dev.pitstop.world;

/**
 * A uniform grid over the arena, rebuilt by counting sort in O(n) from the entities' positions.
 * Queries visit only the cells a circle overlaps. Bunching cannot make a build slower, and callers
 * cap how many hits a query yields, so a crowd in one cell keeps a tick linear. Game thread only.
 */
public final class Grid {

    public static final float CELL_SIZE = 32f;

    private final int columns;
    private final int rows;
    private final int[] cellStart;
    private int[] items = new int[0];
    private int[] cellOf = new int[0];
    // Copies of the entities' ids and positions in cell order, so a query reads memory in sequence
    // instead of jumping through the entity arrays (in a crowd, cache misses were most of its cost).
    private int[] ids = new int[0];
    private float[] xs = new float[0];
    private float[] ys = new float[0];

    public Grid(float width, float height) {
        columns = Math.max(1, (int) Math.ceil(width / CELL_SIZE));
        rows = Math.max(1, (int) Math.ceil(height / CELL_SIZE));
        cellStart = new int[columns * rows + 1];
    }

    public int columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }

    public int column(float x) {
        int c = (int) (x / CELL_SIZE);
        return c < 0 ? 0 : Math.min(c, columns - 1);
    }

    public int row(float y) {
        int r = (int) (y / CELL_SIZE);
        return r < 0 ? 0 : Math.min(r, rows - 1);
    }

    /** Sorts entity indices into cells by position; stable, so each cell lists indices ascending. */
    public void build(Entities e) {
        int n = e.count;
        if (items.length < n) {
            items = new int[Math.max(n, items.length * 2)];
            cellOf = new int[items.length];
            ids = new int[items.length];
            xs = new float[items.length];
            ys = new float[items.length];
        }
        java.util.Arrays.fill(cellStart, 0);
        for (int i = 0; i < n; i++) {
            int c = row(e.y[i]) * columns + column(e.x[i]);
            cellOf[i] = c;
            cellStart[c + 1]++;
        }
        for (int c = 0; c < columns * rows; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        // Second pass places each index at its cell's next free position; cellStart is shifted back
        // afterwards, which avoids a second offsets array.
        for (int i = 0; i < n; i++) {
            int k = cellStart[cellOf[i]]++;
            items[k] = i;
            ids[k] = e.id[i];
            xs[k] = e.x[i];
            ys[k] = e.y[i];
        }
        for (int c = columns * rows; c > 0; c--) {
            cellStart[c] = cellStart[c - 1];
        }
        cellStart[0] = 0;
    }

    /** First position in {@link #items()} of cell (column, row). */
    public int cellBegin(int column, int row) {
        return cellStart[row * columns + column];
    }

    /** One past the last position in {@link #items()} of cell (column, row). */
    public int cellEnd(int column, int row) {
        return cellStart[row * columns + column + 1];
    }

    /** Entity indices, grouped by cell. */
    public int[] items() {
        return items;
    }

    /** The id of the entity at each position of {@link #items()}, as of the last build. */
    public int[] ids() {
        return ids;
    }

    /** The x of the entity at each position of {@link #items()}, as of the last build. */
    public float[] xs() {
        return xs;
    }

    /** The y of the entity at each position of {@link #items()}, as of the last build. */
    public float[] ys() {
        return ys;
    }
}
