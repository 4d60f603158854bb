package io.tributary.cli.bench;

import java.util.Arrays;

/**
 * Exact percentiles of a set of values, computed the way PostgreSQL's {@code percentile_cont} does (linear
 * interpolation between the two nearest ranks), so a figure can be checked with one SQL query.
 */
final class Percentiles {
    private double[] values = new double[1024];
    private int size;
    private boolean sorted = true;

    void add(double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("NaN is not a latency");
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
        sorted = false;
    }

    int size() {
        return size;
    }

    /** The p-quantile, p in [0, 1]; NaN when there are no values. */
    double at(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("percentile must be within [0, 1], got " + p);
        }
        if (size == 0) {
            return Double.NaN;
        }
        sort();
        double rank = p * (size - 1);
        int lower = (int) Math.floor(rank);
        int upper = Math.min(size - 1, lower + 1);
        return values[lower] + (rank - lower) * (values[upper] - values[lower]);
    }

    double max() {
        return size == 0 ? Double.NaN : at(1);
    }

    double mean() {
        if (size == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += values[i];
        }
        return sum / size;
    }

    private void sort() {
        if (!sorted) {
            Arrays.sort(values, 0, size);
            sorted = true;
        }
    }
}
