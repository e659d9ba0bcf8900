package com.acme.accounts.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class AccountController {

    private static final Logger log = LoggerFactory.getLogger(AccountController.class);

    @PostMapping("/accounts")
    public String signup(@RequestBody SignupRequest request) {
        log.info("signup for " + request.name());
        log.debug("password {}", request.password());
        try {
            return Integer.toHexString(request.email().hashCode());
        } catch (RuntimeException e) {
            e.printStackTrace();
            return null;
        }
    }

    @PostMapping("/accounts/ping")
    public String ping() {
        System.out.println("ping");
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
        }
        return "pong";
    }
}
