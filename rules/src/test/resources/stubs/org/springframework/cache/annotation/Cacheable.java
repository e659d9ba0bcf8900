package org.springframework.cache.annotation;

@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME) public @interface Cacheable { String[] value() default {}; String[] cacheNames() default {}; String key() default ""; String unless() default ""; boolean sync() default false; }
