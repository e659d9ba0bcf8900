package com.acme.shop.support;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Who was seen when, and who is logged in. */
public final class ActiveUsers {

    private static final Map<String, Instant> LAST_SEEN = new ConcurrentHashMap<>();
    private static final Map<String, Instant> SESSIONS = new ConcurrentHashMap<>();
    private static final int MAX_RECENT = 1000;
    private static final Map<String, Instant> RECENT_LOGINS = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                    return size() > MAX_RECENT;
                }
            });

    private ActiveUsers() {
    }

    public static void seen(String user) {
        LAST_SEEN.put(user, Instant.now());
    }

    public static Instant lastSeen(String user) {
        return LAST_SEEN.get(user);
    }

    public static void login(String sessionId) {
        SESSIONS.put(sessionId, Instant.now());
        RECENT_LOGINS.put(sessionId, Instant.now());
    }

    public static void logout(String sessionId) {
        SESSIONS.remove(sessionId);
    }

    public static boolean loggedIn(String sessionId) {
        return SESSIONS.containsKey(sessionId);
    }
}
