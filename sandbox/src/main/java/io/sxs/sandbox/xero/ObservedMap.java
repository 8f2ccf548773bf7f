package io.sxs.sandbox.xero;

import java.util.LinkedHashMap;
import java.util.function.BiConsumer;

/** An insertion-ordered map that reports every put as a create or an update: the source of webhook events. */
final class ObservedMap<V> extends LinkedHashMap<String, V> {

    private final transient BiConsumer<String, Boolean> onPut;

    ObservedMap(BiConsumer<String, Boolean> onPut) {
        this.onPut = onPut;
    }

    @Override
    public V put(String key, V value) {
        V previous = super.put(key, value);
        onPut.accept(key, previous == null);
        return previous;
    }
}
