package com.acme.shop.web;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class CatalogController {

    @GetMapping("/catalog")
    public List<String> list() {
        return List.of("book", "pen");
    }
}
