package org.springframework.core.task;

public interface TaskExecutor extends java.util.concurrent.Executor { void execute(Runnable task); }
