package org.springframework.kafka.annotation;

@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME) public @interface KafkaListener { String[] topics() default {}; String groupId() default ""; }
