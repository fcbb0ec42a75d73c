package io.rigledger.tariff.allocation;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * The flow behind {@link ControlledRounding}: one cent at a time from a source through a row (at most
 * {@code rowCap}), the row's group of columns (from {@code groupLow} to {@code groupCap}), a cell (at
 * most one cent, only where the exact share is not whole) and a column (exactly its cents left over)
 * to a sink, along shortest augmenting paths. A path may take a cent back from a cell or from a group
 * (never below its lower bound) to route it elsewhere, so a cent that cannot be placed directly still
 * finds its way when any placement can.
 */
final class CentFlow {

    private final int rows;
    private final int groups;
    private final int columns;
    private final int[] groupOf;
    private final boolean[][] open;
    private final int[] sink;
    private final int[][] preference;
    final int[] rowCap;
    final int[][] groupLow;
    final int[][] groupCap;
    final int[] rowFlow;
    final int[][] groupFlow;
    final int[] columnFlow;
    final int[][] cell;

    CentFlow(int rows, int groups, int[] groupOf, boolean[][] open, int[] sink, int[][] preference) {
        this.rows = rows;
        this.groups = groups;
        this.columns = groupOf.length;
        this.groupOf = groupOf;
        this.open = open;
        this.sink = sink;
        this.preference = preference;
        this.rowCap = new int[rows];
        this.groupLow = new int[rows][groups];
        this.groupCap = new int[rows][groups];
        this.rowFlow = new int[rows];
        this.groupFlow = new int[rows][groups];
        this.columnFlow = new int[columns];
        this.cell = new int[rows][columns];
    }

    /** Augments until no path is left; the cents placed. */
    int fill() {
        int placed = 0;
        while (augment()) {
            placed++;
        }
        return placed;
    }

    /**
     * One more cent from the source to the sink, if a path is left. Nodes: rows 0..r-1, groups of a row
     * r + i * groups + g, columns after them; {@code from[node]} is the node the search came from (-1: the source).
     */
    boolean augment() {
        int groupBase = rows;
        int columnBase = rows + rows * groups;
        int[] from = new int[columnBase + columns];
        Arrays.fill(from, -2);
        Deque<Integer> queue = new ArrayDeque<>();
        for (int i = 0; i < rows; i++) {
            if (rowFlow[i] < rowCap[i]) {
                from[i] = -1;
                queue.add(i);
            }
        }
        while (!queue.isEmpty()) {
            int node = queue.poll();
            if (node < groupBase) {
                int i = node;
                for (int g = 0; g < groups; g++) {
                    int to = groupBase + i * groups + g;
                    if (from[to] == -2 && groupFlow[i][g] < groupCap[i][g]) {
                        from[to] = node;
                        queue.add(to);
                    }
                }
            } else if (node < columnBase) {
                int i = (node - groupBase) / groups;
                int g = (node - groupBase) % groups;
                for (int j : preference[i]) {
                    int to = columnBase + j;
                    if (groupOf[j] != g || from[to] != -2 || !open[i][j] || cell[i][j] == 1) {
                        continue;
                    }
                    from[to] = node;
                    if (columnFlow[j] < sink[j]) {
                        push(to, from, groupBase, columnBase);
                        return true;
                    }
                    queue.add(to);
                }
                // back to the row: take a cent off this group, never below its lower bound
                if (from[i] == -2 && groupFlow[i][g] > groupLow[i][g]) {
                    from[i] = node;
                    queue.add(i);
                }
            } else {
                int j = node - columnBase;
                for (int k = 0; k < rows; k++) {
                    int to = groupBase + k * groups + groupOf[j];
                    if (from[to] == -2 && cell[k][j] == 1) {
                        from[to] = node;
                        queue.add(to);
                    }
                }
            }
        }
        return false;
    }

    /** Applies the path that ends at {@code column} (a node id), walking it back to the source. */
    private void push(int column, int[] from, int groupBase, int columnBase) {
        columnFlow[column - columnBase]++;
        int node = column;
        while (true) {
            int prev = from[node];
            if (prev == -1) {
                rowFlow[node]++;
                return;
            }
            if (node >= columnBase && prev >= groupBase && prev < columnBase) {
                // group -> column: one more cent in the cell
                cell[(prev - groupBase) / groups][node - columnBase] = 1;
            } else if (node >= groupBase && node < columnBase && prev >= columnBase) {
                // column -> group backwards: the cent leaves that cell
                cell[(node - groupBase) / groups][prev - columnBase] = 0;
            } else if (node >= groupBase && node < columnBase) {
                // row -> group
                groupFlow[prev][(node - groupBase) % groups]++;
            } else {
                // group -> row backwards: the cent leaves that group
                groupFlow[node][(prev - groupBase) % groups]--;
            }
            node = prev;
        }
    }
}
