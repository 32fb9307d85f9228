package com.sequentum.mcp.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sequentum.mcp.api.SequentumApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code SEQUENTUM_ALLOWED_SPACES}: the spaces (by id or by name, case-insensitive) this server may touch. The names
 * are resolved against {@code GET /spaces} per principal, and an agent's space is looked up with {@code GET /agent/{id}};
 * both are cached for {@link #CACHE_TTL} (at most {@link #MAX_AGENTS} agents). Inactive when the list is empty.
 */
public final class SpaceScope {
    public static final Duration CACHE_TTL = Duration.ofMinutes(5);
    public static final int MAX_AGENTS = 5_000;

    private record Cached<T>(T value, Instant at) {}

    private final List<String> allowed;
    private final Clock clock;
    private final Map<String, Cached<Set<Long>>> spaces = new LinkedHashMap<>();
    private final LinkedHashMap<String, Cached<Long>> agents = new LinkedHashMap<>(64, 0.75f, true);

    public SpaceScope(List<String> allowed, Clock clock) {
        this.allowed = List.copyOf(allowed);
        this.clock = clock;
    }

    public boolean active() { return !allowed.isEmpty(); }

    public List<String> allowed() { return allowed; }

    /** The ids of the allowed spaces, as this principal sees them. */
    public Set<Long> allowedIds(SequentumApi api, String principal) {
        Instant now = clock.instant();
        synchronized (spaces) {
            Cached<Set<Long>> c = spaces.get(principal);
            if (c != null && c.at().plus(CACHE_TTL).isAfter(now)) return c.value();
        }
        Set<Long> ids = new LinkedHashSet<>();
        JsonNode list = api.listSpaces();
        for (String entry : allowed) {
            if (entry.matches("[0-9]{1,18}")) ids.add(Long.parseLong(entry));
        }
        if (list.isArray()) {
            for (JsonNode s : list) {
                String name = s.path("name").asText("").toLowerCase(Locale.ROOT);
                for (String entry : allowed) {
                    if (!name.isEmpty() && name.equals(entry.toLowerCase(Locale.ROOT)) && s.path("id").canConvertToLong()) {
                        ids.add(s.path("id").asLong());
                    }
                }
            }
        }
        synchronized (spaces) {
            if (spaces.size() > 1000) spaces.clear();
            spaces.put(principal, new Cached<>(Set.copyOf(ids), now));
        }
        return ids;
    }

    public boolean allowsSpace(SequentumApi api, String principal, Long spaceId) {
        return spaceId != null && allowedIds(api, principal).contains(spaceId);
    }

    /** The space of an agent (null when the API does not say), cached. */
    public Long spaceOf(SequentumApi api, String principal, long agentId) {
        String key = principal + "\u0000" + agentId;
        Instant now = clock.instant();
        synchronized (agents) {
            Cached<Long> c = agents.get(key);
            if (c != null && c.at().plus(CACHE_TTL).isAfter(now)) return c.value();
        }
        JsonNode agent = api.getAgent(agentId);
        Long space = agent.path("spaceId").canConvertToLong() && !agent.path("spaceId").isNull()
                ? agent.path("spaceId").asLong() : null;
        remember(key, space, now);
        return space;
    }

    /** Notes an agent's space seen in a response, saving a lookup later. */
    void remember(String principal, long agentId, Long spaceId) {
        remember(principal + "\u0000" + agentId, spaceId, clock.instant());
    }

    private void remember(String key, Long space, Instant now) {
        synchronized (agents) {
            agents.put(key, new Cached<>(space, now));
            while (agents.size() > MAX_AGENTS) agents.remove(agents.keySet().iterator().next());
        }
    }

    public boolean allowsAgent(SequentumApi api, String principal, long agentId) {
        return allowsSpace(api, principal, spaceOf(api, principal, agentId));
    }
}
