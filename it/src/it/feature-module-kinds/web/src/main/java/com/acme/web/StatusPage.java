package com.acme.web;

public class StatusPage {

    public String render(String status) {
        System.out.println("rendering status " + status);
        return "<p>" + status + "</p>";
    }
}
