package com.acme.orders.web;

import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/quotes")
public class QuoteController {

    private static final long FREE_SHIPPING_CENTS = 5_000;
    private static final long SHIPPING_CENTS = 499;

    /** Volume discounts and shipping rules computed in the web layer. */
    @PostMapping
    public QuoteView quote(@Valid @RequestBody QuoteRequest request) {
        long subtotal = 0;
        for (QuoteRequest.Line line : request.lines()) {
            if (line.quantity() >= 10) {
                subtotal += line.unitPriceCents() * line.quantity() * 90 / 100;
            } else {
                subtotal += line.unitPriceCents() * line.quantity();
            }
        }
        long shipping = subtotal >= FREE_SHIPPING_CENTS ? 0 : SHIPPING_CENTS;
        return new QuoteView(subtotal, shipping, subtotal + shipping);
    }

    /** A loop that only maps the request to views. */
    @PostMapping("/preview")
    public List<LineView> preview(@Valid @RequestBody QuoteRequest request) {
        List<LineView> views = new ArrayList<>();
        for (QuoteRequest.Line line : request.lines()) {
            views.add(new LineView(line.sku(), line.quantity()));
        }
        return views;
    }
}
