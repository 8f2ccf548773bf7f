package io.sxs.sandbox.xero;

import java.util.LinkedHashMap;
import java.util.function.BiConsumer;

/** An insertion-ordered map that reports every put as a create or an update: the source of webhook events. */
final class ObservedMap<V> extends LinkedHashMap<String, V> {
    /** Fixed, so a rebuild that keeps the fields can still read earlier snapshots. */
    @java.io.Serial
    private static final long serialVersionUID = 1L;


    /** A listener is not state: it is set again after a restore. */
    private transient BiConsumer<String, Boolean> onPut = (key, created) -> { };

    void observe(BiConsumer<String, Boolean> listener) {
        this.onPut = listener;
    }

    @Override
    public V put(String key, V value) {
        V previous = super.put(key, value);
        onPut.accept(key, previous == null);
        return previous;
    }
}
