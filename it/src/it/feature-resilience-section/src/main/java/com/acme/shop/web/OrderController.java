package com.acme.shop.web;

import com.acme.shop.order.OrderService;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/orders")
public class OrderController {

    private final OrderService orders;

    public OrderController(OrderService orders) {
        this.orders = orders;
    }

    // A retried POST with the same key gets the first order back; the confirmation mail goes out @Async.
    @PostMapping
    public ResponseEntity<OrderView> place(@RequestHeader("Idempotency-Key") String key,
            @Valid @RequestBody NewOrder order) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(OrderView.of(orders.place(key, order.customerEmail(), order.totalInCents())));
    }

    // PUT is idempotent by contract; the mail is sent while the client waits.
    @PutMapping("/{id}/confirmation")
    public OrderView confirm(@PathVariable long id) {
        return OrderView.of(orders.confirm(id));
    }
}
