package com.acme.shop.support;

import java.util.function.Supplier;

/** The correlation id of the work in progress, cleared when the work ends. */
public final class CorrelationId {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private CorrelationId() {
    }

    public static <T> T with(String id, Supplier<T> work) {
        CURRENT.set(id);
        try {
            return work.get();
        } finally {
            CURRENT.remove();
        }
    }

    public static String current() {
        return CURRENT.get();
    }
}
