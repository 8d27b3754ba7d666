package org.lumbung.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The median, least and greatest of a figure over the runs. */
record Spread(double median, double min, double max) {

    static <T> Spread of(List<T> runs, ToDoubleFunction<T> figure) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        if (values.length == 0) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN);
        }
        int mid = values.length / 2;
        double median = values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
        return new Spread(median, values[0], values[values.length - 1]);
    }

    static Spread of(double... values) {
        return of(Arrays.stream(values).boxed().toList(), Double::doubleValue);
    }

    /** {@code median (min-max)}, each figure formatted alike. */
    String format(String pattern) {
        return String.format(Locale.ROOT, pattern + " (" + pattern + "-" + pattern + ")", median, min, max);
    }
}
