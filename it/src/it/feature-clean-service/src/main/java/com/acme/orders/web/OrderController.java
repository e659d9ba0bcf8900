package com.acme.orders.web;

import com.acme.orders.domain.Order;
import com.acme.orders.domain.OrderService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Request handling only: the service owns the transaction and the data access. */
@RestController
@RequestMapping("/orders")
public class OrderController {

    private final OrderService service;

    public OrderController(OrderService service) {
        this.service = service;
    }

    @PostMapping
    public ResponseEntity<OrderView> place(@RequestHeader("Idempotency-Key") String idempotencyKey,
            @jakarta.validation.Valid @RequestBody NewOrder order) {
        Order placed = service.place(idempotencyKey, order.customerId(), order.totalInCents());
        return ResponseEntity.status(HttpStatus.CREATED).body(OrderView.of(placed));
    }

    @GetMapping("/{id}")
    public ResponseEntity<OrderView> find(@PathVariable long id) {
        return ResponseEntity.of(service.find(id).map(OrderView::of));
    }
}
