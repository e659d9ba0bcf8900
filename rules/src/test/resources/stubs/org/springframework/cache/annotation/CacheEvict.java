package org.springframework.cache.annotation;

@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME) public @interface CacheEvict { String[] value() default {}; boolean allEntries() default false; }
