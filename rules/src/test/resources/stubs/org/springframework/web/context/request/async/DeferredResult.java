package org.springframework.web.context.request.async;

public class DeferredResult<T> { public boolean setResult(T result) { return true; } }
