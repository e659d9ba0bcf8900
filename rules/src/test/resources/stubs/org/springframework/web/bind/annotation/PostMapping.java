package org.springframework.web.bind.annotation;

@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME) public @interface PostMapping { String[] value() default {}; String[] path() default {}; }
