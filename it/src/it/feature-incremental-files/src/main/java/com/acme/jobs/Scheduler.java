package com.acme.jobs;

public class Scheduler {

    private final NightlyJob job = new NightlyJob();

    public int trigger(String input) {
        return job.run(input);
    }
}
