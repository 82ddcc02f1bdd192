package heapscope.parser.view;

import heapscope.parser.progress.CancelSignal;

/**
 * Sorts an {@code int[]} of handles (node ordinals, edge indexes) by a comparator on the handles, without boxing: a
 * stable bottom-up merge sort, checking the cancel signal once per pass. Stateless. No IO.
 */
final class OrdinalSort {
    /** Compares two handles. */
    @FunctionalInterface
    interface IntComparator {
        int compare(int a, int b);
    }

    private OrdinalSort() {
    }

    static void sort(int[] values, IntComparator comparator, CancelSignal cancel) {
        int n = values.length;
        if (n < 2) {
            return;
        }
        int[] from = values;
        int[] to = new int[n];
        for (int width = 1; width < n; width *= 2) {
            cancel.throwIfCanceled();
            for (int left = 0; left < n; left += 2 * width) {
                int middle = Math.min(left + width, n);
                int right = Math.min(left + 2 * width, n);
                merge(from, to, left, middle, right, comparator);
            }
            int[] swap = from;
            from = to;
            to = swap;
        }
        if (from != values) {
            System.arraycopy(from, 0, values, 0, n);
        }
    }

    private static void merge(int[] from, int[] to, int left, int middle, int right, IntComparator comparator) {
        int i = left;
        int j = middle;
        int k = left;
        if (middle >= right || comparator.compare(from[middle - 1], from[middle]) <= 0) {
            System.arraycopy(from, left, to, left, right - left);
            return;
        }
        while (i < middle && j < right) {
            to[k++] = comparator.compare(from[i], from[j]) <= 0 ? from[i++] : from[j++];
        }
        while (i < middle) {
            to[k++] = from[i++];
        }
        while (j < right) {
            to[k++] = from[j++];
        }
    }
}
