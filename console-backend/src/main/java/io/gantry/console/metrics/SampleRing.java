package io.gantry.console.metrics;

import java.util.ArrayList;
import java.util.List;

/** The last {@code capacity} samples, oldest first; adding to a full ring drops the oldest. Thread-safe. */
final class SampleRing<T> {

    private final Object[] items;
    private int next;
    private int size;

    SampleRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a ring holds at least one sample, not " + capacity);
        }
        items = new Object[capacity];
    }

    synchronized void add(T item) {
        items[next] = item;
        next = (next + 1) % items.length;
        size = Math.min(size + 1, items.length);
    }

    @SuppressWarnings("unchecked")
    synchronized List<T> snapshot() {
        List<T> copy = new ArrayList<>(size);
        int first = (next - size + items.length) % items.length;
        for (int i = 0; i < size; i++) {
            copy.add((T) items[(first + i) % items.length]);
        }
        return copy;
    }
}
