package org.springframework.web.bind.annotation;

@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME) @org.springframework.stereotype.Controller public @interface RestController { String value() default ""; }
