package javax.cache.annotation;

@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME) public @interface CacheResult { String cacheName() default ""; }
