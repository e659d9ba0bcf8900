package org.springframework.stereotype;

@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME) public @interface Repository { String value() default ""; }
