package org.springframework.transaction.event;

@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME) public @interface TransactionalEventListener { TransactionPhase phase() default TransactionPhase.AFTER_COMMIT; }
