package jakarta.persistence;

@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME) public @interface GeneratedValue { }
