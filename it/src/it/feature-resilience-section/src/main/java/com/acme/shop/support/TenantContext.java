package com.acme.shop.support;

/** The tenant of the current request. */
public final class TenantContext {

    private static final ThreadLocal<String> TENANT = new ThreadLocal<>();

    private TenantContext() {
    }

    public static void use(String tenant) {
        TENANT.set(tenant);
    }

    public static String current() {
        return TENANT.get();
    }
}
