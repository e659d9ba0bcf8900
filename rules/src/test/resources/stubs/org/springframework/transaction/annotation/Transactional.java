package org.springframework.transaction.annotation;

@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME) public @interface Transactional { boolean readOnly() default false; }
