package io.archlint.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A setting of a rule that users may change in the plugin configuration. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface RuleParameter {
    String name();

    String defaultValue();

    /** One line, for the README and the error message of a bad value. */
    String description();
}
