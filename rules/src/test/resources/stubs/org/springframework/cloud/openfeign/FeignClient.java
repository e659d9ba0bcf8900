package org.springframework.cloud.openfeign;

@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME) public @interface FeignClient { String name() default ""; String url() default ""; }
