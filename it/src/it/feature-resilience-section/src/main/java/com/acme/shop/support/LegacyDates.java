package com.acme.shop.support;

import java.text.SimpleDateFormat;
import java.util.Date;

/** A per-thread formatter that is only read: bounded by the thread pool, nothing to remove. */
public final class LegacyDates {

    private static final ThreadLocal<SimpleDateFormat> FORMAT =
            ThreadLocal.withInitial(() -> new SimpleDateFormat("yyyy-MM-dd"));

    private LegacyDates() {
    }

    public static String format(Date date) {
        return FORMAT.get().format(date);
    }
}
