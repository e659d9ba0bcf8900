package org.springframework.scheduling.annotation;

@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME) public @interface Async { String value() default ""; }
