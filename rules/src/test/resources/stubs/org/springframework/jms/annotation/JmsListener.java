package org.springframework.jms.annotation;

@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME) public @interface JmsListener { String destination(); }
