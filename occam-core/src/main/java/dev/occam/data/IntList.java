package dev.occam.data;

import java.util.Arrays;

/** A growable list of primitive ints for readers that do not know the size in advance. */
final class IntList {
    private int[] values = new int[1024];
    private int size;

    void add(int v) {
        if (size == values.length) values = Arrays.copyOf(values, DoubleList.grow(values.length));
        values[size++] = v;
    }

    int size() { return size; }

    /** Drops the values from {@code newSize} on (a reader undoing a line it will read again as text). */
    void truncate(int newSize) {
        if (newSize < 0 || newSize > size) throw new IndexOutOfBoundsException(newSize);
        size = newSize;
    }

    int get(int k) { return values[k]; }

    int[] toArray() { return Arrays.copyOf(values, size); }
}
