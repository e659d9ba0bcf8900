package org.jooq;

public interface DSLContext { int execute(String sql); }
