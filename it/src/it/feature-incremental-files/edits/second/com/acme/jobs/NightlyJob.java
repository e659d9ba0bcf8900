package com.acme.jobs;

public class NightlyJob {

    public int run(String input) {
        try {
            return Integer.parseInt(input);
        } catch (NumberFormatException e) {
            e.printStackTrace();
        }
        return 0;
    }
}
