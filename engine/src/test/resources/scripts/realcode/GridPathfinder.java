package realcode;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * A* over a grid of square cells, 8-connected, with the octile distance as heuristic and no
 * cutting of corners. Immutable once built, so one instance serves every entity.
 */
public final class GridPathfinder {

    /** An entry of the open list: a cell, the cost to reach it and its estimated total. */
    record Node(int cell, float g, float f) { }

    private static final int[] DX = {1, -1, 0, 0, 1, 1, -1, -1};
    private static final int[] DY = {0, 0, 1, -1, 1, -1, 1, -1};
    private static final float DIAGONAL = (float) Math.sqrt(2.0);

    /** Lowest estimate first; among equal estimates the node further along, which ends searches sooner. */
    private static final Comparator<Node> BEST_FIRST =
            Comparator.comparingDouble(Node::f).thenComparing(Node::g, Comparator.reverseOrder());

    private final int columns;
    private final int rows;
    private final boolean[] blocked;

    private GridPathfinder(int columns, int rows, boolean[] blocked) {
        this.columns = columns;
        this.rows = rows;
        this.blocked = blocked;
    }

    /** Parses a map drawn with '#' for walls and anything else for floor; every line as long as the first. */
    public static GridPathfinder fromMap(String... lines) {
        int columns = lines[0].length();
        boolean[] blocked = new boolean[columns * lines.length];
        for (int row = 0; row < lines.length; row++) {
            if (lines[row].length() != columns) {
                throw new IllegalArgumentException("map line " + row + " has " + lines[row].length()
                        + " cells, not " + columns);
            }
            for (int col = 0; col < columns; col++) {
                blocked[row * columns + col] = lines[row].charAt(col) == '#';
            }
        }
        return new GridPathfinder(columns, lines.length, blocked);
    }

    public int columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }

    public int cell(int col, int row) {
        return row * columns + col;
    }

    /** Outside the grid counts as a wall. */
    public boolean blocked(int col, int row) {
        return col < 0 || row < 0 || col >= columns || row >= rows || blocked[row * columns + col];
    }

    /** The cells from {@code start} to {@code goal}, both included, or an empty list if there is no way. */
    public List<Integer> findPath(int start, int goal) {
        PriorityQueue<Node> open = new PriorityQueue<>(BEST_FIRST);
        Map<Integer, Integer> cameFrom = new HashMap<>();
        Set<Integer> closed = new HashSet<>();
        float[] bestCost = new float[columns * rows];
        Arrays.fill(bestCost, Float.POSITIVE_INFINITY);
        bestCost[start] = 0f;
        open.add(new Node(start, 0f, estimate(start, goal)));
        while (!open.isEmpty()) {
            Node current = open.poll();
            if (current.cell() == goal) {
                return walkBack(cameFrom, goal);
            }
            if (!closed.add(current.cell())) {
                continue; // a stale entry: the cell was reached more cheaply already
            }
            int cx = current.cell() % columns;
            int cy = current.cell() / columns;
            for (int d = 0; d < DX.length; d++) {
                int nx = cx + DX[d];
                int ny = cy + DY[d];
                if (blocked(nx, ny) || d >= 4 && (blocked(nx, cy) || blocked(cx, ny))) {
                    continue;
                }
                int next = cell(nx, ny);
                float g = current.g() + (d < 4 ? 1f : DIAGONAL);
                if (g < bestCost[next]) {
                    bestCost[next] = g;
                    cameFrom.put(next, current.cell());
                    open.add(new Node(next, g, g + estimate(next, goal)));
                }
            }
        }
        return List.of();
    }

    private float estimate(int from, int to) {
        int dx = Math.abs(from % columns - to % columns);
        int dy = Math.abs(from / columns - to / columns);
        return dx + dy + (DIAGONAL - 2f) * Math.min(dx, dy);
    }

    private static List<Integer> walkBack(Map<Integer, Integer> cameFrom, int goal) {
        Deque<Integer> path = new ArrayDeque<>();
        for (Integer at = goal; at != null; at = cameFrom.get(at)) {
            path.addFirst(at);
        }
        return List.copyOf(path);
    }
}
