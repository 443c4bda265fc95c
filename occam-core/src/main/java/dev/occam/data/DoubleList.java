package dev.occam.data;

import java.util.Arrays;

/** A growable list of primitive doubles for readers that do not know n in advance. */
final class DoubleList {
    private double[] values = new double[1024];
    private int size;

    void add(double v) {
        if (size == values.length) values = Arrays.copyOf(values, grow(values.length));
        values[size++] = v;
    }

    int size() { return size; }

    /** Drops the values from {@code newSize} on (a reader undoing a line it will read again as text). */
    void truncate(int newSize) {
        if (newSize < 0 || newSize > size) throw new IndexOutOfBoundsException(newSize);
        size = newSize;
    }

    double[] toArray() { return Arrays.copyOf(values, size); }

    /** Next capacity: 1.5×, capped below the largest array size. */
    static int grow(int length) {
        int next = length + (length >> 1) + 1;
        if (next < 0 || next > Integer.MAX_VALUE - 8) {
            if (length >= Integer.MAX_VALUE - 8) throw new OutOfMemoryError("list too large for one array");
            return Integer.MAX_VALUE - 8;
        }
        return next;
    }
}
