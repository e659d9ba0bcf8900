package org.apache.hc.client5.http.impl.classic;

public final class HttpClients { public static Object createDefault() { return null; } }
