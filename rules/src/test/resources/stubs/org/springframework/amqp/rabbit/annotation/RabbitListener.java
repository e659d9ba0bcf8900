package org.springframework.amqp.rabbit.annotation;

@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME) public @interface RabbitListener { String[] queues() default {}; }
