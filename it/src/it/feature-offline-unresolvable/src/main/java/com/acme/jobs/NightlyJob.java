package com.acme.jobs;

public class NightlyJob {

    public void run() {
        System.out.println("nightly job ran");
    }
}
