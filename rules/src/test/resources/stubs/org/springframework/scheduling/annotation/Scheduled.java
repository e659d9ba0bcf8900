package org.springframework.scheduling.annotation;

@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME) public @interface Scheduled { String cron() default ""; long fixedDelay() default -1; }
