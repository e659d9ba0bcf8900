package org.springframework.web.bind.annotation;

@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME) public @interface DeleteMapping { String[] value() default {}; String[] path() default {}; }
