package io.poolkit.packetcrypt.paymaker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Items ordered by (time, eventId) with one entry per eventId, like the node.js PayMaker's trees:
 * an id seen again while its first item is still kept is ignored; once collected, the id may come
 * back. Not thread-safe (the PayBook serializes access).
 *
 * @param <T> the item type
 */
final class EventTree<T> {

    private record Key(long time, String eventId) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparingLong(Key::time).thenComparing(Key::eventId);

    private final NavigableMap<Key, T> items = new TreeMap<>(ORDER);
    private final Set<String> ids = new HashSet<>();
    private final Function<T, Long> timeOf;
    private final Function<T, String> idOf;

    EventTree(Function<T, Long> timeOf, Function<T, String> idOf) {
        this.timeOf = timeOf;
        this.idOf = idOf;
    }

    /** Adds the item unless its id is already kept; true if added. */
    boolean insert(T item) {
        if (!ids.add(idOf.apply(item))) {
            return false;
        }
        items.put(new Key(timeOf.apply(item), idOf.apply(item)), item);
        return true;
    }

    /** Removes items older than {@code beforeTime}; returns how many. */
    int gcOld(long beforeTime) {
        List<Key> old = new ArrayList<>(items.headMap(new Key(beforeTime, ""), false).keySet());
        for (Key k : old) {
            items.remove(k);
            ids.remove(k.eventId());
        }
        return old.size();
    }

    /** Newest first. */
    Iterable<T> newestFirst() {
        return items.descendingMap().values();
    }

    /** The newest item, or null. */
    T newest() {
        var e = items.lastEntry();
        return e == null ? null : e.getValue();
    }

    int size() {
        return items.size();
    }
}
