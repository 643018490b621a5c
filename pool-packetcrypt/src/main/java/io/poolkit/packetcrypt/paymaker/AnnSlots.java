package io.poolkit.packetcrypt.paymaker;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The node.js PayMaker's ann compressor, reproduced with its quirks because they decide who is
 * paid: anns events are summed per payTo into slots of {@code slotMillis}; the first slot starts
 * at the start of its minute, every later slot is created one span after the newest one (so slot
 * times are slot ends); a slot's id is the string {@code "COMPRESSED_EVENTS_" + time + span}
 * (string concatenation, not addition); eventIds are deduplicated per slot only, and only while
 * the slot is among the newest {@code slotsToKeepEvents}.
 */
final class AnnSlots {

    /** One payTo's sum within a slot. */
    static final class Credit {
        double credit;
        long accepted;
    }

    /** One slot (its time is the end of its span, except for the very first slot). */
    static final class Slot {
        final long time;
        final String eventId;
        final Map<String, Credit> credits = new LinkedHashMap<>();
        Set<String> eventIds = new HashSet<>();
        long count;

        Slot(long time, String eventId) {
            this.time = time;
            this.eventId = eventId;
        }
    }

    /** What became of one inserted event. */
    enum Outcome { ADDED, DUPLICATE, PRUNED }

    private final long spanMillis;
    private final int slotsToKeepEvents;
    private final EventTree<Slot> slots = new EventTree<>(s -> s.time, s -> s.eventId);

    AnnSlots(long spanMillis, int slotsToKeepEvents) {
        this.spanMillis = spanMillis;
        this.slotsToKeepEvents = slotsToKeepEvents;
    }

    Outcome insert(PayEvent.Anns x, double credit) {
        Slot target = null;
        for (Slot ds : slots.newestFirst()) {
            if (x.time() < ds.time) {
                target = ds;
                continue;
            }
            if (target == null) {
                // Newer than every slot: open the next one after the newest.
                target = new Slot(ds.time + spanMillis, "COMPRESSED_EVENTS_" + ds.time + spanMillis);
                // If that id is already kept the original's tree refuses it and the slot floats
                // free: its credits are never walked. Reproduced by simply not keeping it.
                slots.insert(target);
            }
            break;
        }
        if (target == null) {
            long t = x.time() - Math.floorMod(x.time(), spanMillis);
            target = new Slot(t, "COMPRESSED_EVENTS_" + t);
            slots.insert(target);
        }
        if (target.eventIds == null) {
            return Outcome.PRUNED;
        }
        if (!target.eventIds.add(x.eventId())) {
            return Outcome.DUPLICATE;
        }
        Credit c = target.credits.computeIfAbsent(x.payTo(), k -> new Credit());
        c.credit += credit;
        c.accepted += x.accepted();
        target.count++;
        return Outcome.ADDED;
    }

    int gcOld(long earliestValidTime) {
        Slot last = slots.newest();
        if (last == null) {
            return 0;
        }
        long oldestEventsTime = last.time - spanMillis * slotsToKeepEvents;
        int removed = slots.gcOld(earliestValidTime);
        List<Slot> toPrune = new ArrayList<>();
        for (Slot s : slots.newestFirst()) {
            if (s.time > oldestEventsTime) {
                continue;
            }
            if (s.eventIds == null) {
                break;
            }
            toPrune.add(s);
        }
        toPrune.forEach(s -> s.eventIds = null);
        return removed;
    }

    Iterable<Slot> newestFirst() {
        return slots.newestFirst();
    }

    Slot newest() {
        return slots.newest();
    }

    int size() {
        return slots.size();
    }
}
