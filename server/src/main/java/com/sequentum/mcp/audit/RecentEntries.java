package com.sequentum.mcp.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest audit lines in memory, one bounded ring per principal (keyed by the principal's hash), so that one busy
 * principal never pushes another's entries out. At most {@link #PER_PRINCIPAL} entries per principal and
 * {@link #MAX_PRINCIPALS} principals (the one idle the longest is forgotten first): a few megabytes at worst.
 */
final class RecentEntries {
    static final int PER_PRINCIPAL = 100;
    static final int MAX_PRINCIPALS = 256;

    private final Map<String, ArrayDeque<ObjectNode>> rings = new LinkedHashMap<>(16, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, ArrayDeque<ObjectNode>> eldest) {
            return size() > MAX_PRINCIPALS;
        }
    };

    synchronized void add(String principalHash, ObjectNode entry) {
        ArrayDeque<ObjectNode> ring = rings.computeIfAbsent(principalHash, k -> new ArrayDeque<>());
        if (ring.size() == PER_PRINCIPAL) ring.removeFirst();
        ring.addLast(entry.deepCopy());
    }

    synchronized List<ObjectNode> newestFirst(String principalHash) {
        ArrayDeque<ObjectNode> ring = rings.get(principalHash);
        List<ObjectNode> out = new ArrayList<>();
        if (ring == null) return out;
        for (Iterator<ObjectNode> it = ring.descendingIterator(); it.hasNext(); ) out.add(it.next().deepCopy());
        return out;
    }
}
