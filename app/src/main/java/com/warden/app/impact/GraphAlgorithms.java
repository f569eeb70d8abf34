package com.warden.app.impact;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Plain graph work on int-numbered nodes, iterative so that a 20,000-file chain does not
 * overflow the stack: strongly connected parts, shortest circles, and transitive counts.
 */
final class GraphAlgorithms {
    private GraphAlgorithms() { }

    /** Adjacency lists from parallel src/dest arrays, duplicates removed. */
    static int[][] adjacency(int n, int[] src, int[] dest) {
        int[] degree = new int[n];
        for (int s : src) {
            degree[s]++;
        }
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) {
            out[i] = new int[degree[i]];
        }
        int[] fill = new int[n];
        for (int e = 0; e < src.length; e++) {
            out[src[e]][fill[src[e]]++] = dest[e];
        }
        for (int i = 0; i < n; i++) {
            int[] a = out[i];
            if (a.length > 1) {
                Arrays.sort(a);
                int k = 1;
                for (int j = 1; j < a.length; j++) {
                    if (a[j] != a[k - 1]) {
                        a[k++] = a[j];
                    }
                }
                out[i] = k == a.length ? a : Arrays.copyOf(a, k);
            }
        }
        return out;
    }

    /**
     * Tarjan's strongly connected components. Returns the component of each node; components
     * are numbered in the order Tarjan closes them, which is a reverse topological order: every
     * component reachable from c has a smaller number than c.
     */
    static int[] components(int[][] out) {
        int n = out.length;
        int[] index = new int[n];
        int[] low = new int[n];
        int[] comp = new int[n];
        boolean[] onStack = new boolean[n];
        Arrays.fill(index, -1);
        int[] stack = new int[n];
        int sp = 0;
        int[] call = new int[n];
        int[] next = new int[n];
        int counter = 0;
        int components = 0;
        for (int start = 0; start < n; start++) {
            if (index[start] >= 0) {
                continue;
            }
            int cp = 0;
            index[start] = low[start] = counter++;
            stack[sp++] = start;
            onStack[start] = true;
            call[cp] = start;
            next[cp++] = 0;
            while (cp > 0) {
                int v = call[cp - 1];
                if (next[cp - 1] < out[v].length) {
                    int w = out[v][next[cp - 1]++];
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        stack[sp++] = w;
                        onStack[w] = true;
                        call[cp] = w;
                        next[cp++] = 0;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                } else {
                    if (low[v] == index[v]) {
                        int w;
                        do {
                            w = stack[--sp];
                            onStack[w] = false;
                            comp[w] = components;
                        } while (w != v);
                        components++;
                    }
                    cp--;
                    if (cp > 0) {
                        int u = call[cp - 1];
                        low[u] = Math.min(low[u], low[v]);
                    }
                }
            }
        }
        return comp;
    }

    static int count(int[] comp) {
        int max = -1;
        for (int c : comp) {
            max = Math.max(max, c);
        }
        return max + 1;
    }

    /**
     * One shortest circle from {@code start} back to itself, staying inside its component:
     * [start, ..., start]. Empty when start is on no circle.
     */
    static List<Integer> shortestCycle(int[][] out, int[] comp, int start) {
        int n = out.length;
        int[] parent = new int[n];
        Arrays.fill(parent, -2);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(start);
        parent[start] = -1;
        while (!queue.isEmpty()) {
            int v = queue.poll();
            for (int w : out[v]) {
                if (comp[w] != comp[start]) {
                    continue;
                }
                if (w == start) {
                    List<Integer> path = new ArrayList<>();
                    for (int x = v; x != -1; x = parent[x]) {
                        path.add(0, x);
                    }
                    path.add(start);
                    return path;
                }
                if (parent[w] == -2) {
                    parent[w] = v;
                    queue.add(w);
                }
            }
        }
        return List.of();
    }

    /**
     * For every node, how many other nodes it reaches (transitively). Works on the condensation
     * with bit sets, a column block of 4,096 nodes at a time, so 20,000 nodes take a few MB.
     */
    static int[] reachCounts(int[][] out) {
        int n = out.length;
        int[] comp = components(out);
        int k = count(comp);
        // members and successor components, per component
        int[][] members = group(comp, k);
        int[][] succ = condensation(out, comp, k);
        int[] counts = new int[k];
        final int block = 4096;
        for (int lo = 0; lo < n; lo += block) {
            int hi = Math.min(n, lo + block);
            int words = (hi - lo + 63) >>> 6;
            long[][] bits = new long[k][];
            for (int c = 0; c < k; c++) {
                // components are closed successors first, so every successor is already done
                long[] mine = new long[words];
                for (int v : members[c]) {
                    if (v >= lo && v < hi) {
                        mine[(v - lo) >>> 6] |= 1L << ((v - lo) & 63);
                    }
                }
                for (int s : succ[c]) {
                    long[] theirs = bits[s];
                    for (int i = 0; i < words; i++) {
                        mine[i] |= theirs[i];
                    }
                }
                bits[c] = mine;
                int pop = 0;
                for (long word : mine) {
                    pop += Long.bitCount(word);
                }
                counts[c] += pop;
            }
        }
        int[] result = new int[n];
        for (int v = 0; v < n; v++) {
            result[v] = counts[comp[v]] - 1;
        }
        return result;
    }

    static int[][] group(int[] comp, int k) {
        int[] size = new int[k];
        for (int c : comp) {
            size[c]++;
        }
        int[][] members = new int[k][];
        for (int c = 0; c < k; c++) {
            members[c] = new int[size[c]];
        }
        int[] fill = new int[k];
        for (int v = 0; v < comp.length; v++) {
            members[comp[v]][fill[comp[v]]++] = v;
        }
        return members;
    }

    private static int[][] condensation(int[][] out, int[] comp, int k) {
        int total = 0;
        for (int v = 0; v < out.length; v++) {
            for (int w : out[v]) {
                if (comp[v] != comp[w]) {
                    total++;
                }
            }
        }
        int[] src = new int[total];
        int[] dest = new int[total];
        int e = 0;
        for (int v = 0; v < out.length; v++) {
            for (int w : out[v]) {
                if (comp[v] != comp[w]) {
                    src[e] = comp[v];
                    dest[e++] = comp[w];
                }
            }
        }
        return adjacency(k, src, dest);
    }
}
