package com.acme.orders.web;

import com.acme.orders.domain.Order;
import com.acme.orders.domain.OrderRepository;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/orders")
public class OrderController {

    private static final BigDecimal TAX_RATE = new BigDecimal("0.20");

    // Pitfall: the controller talks to the database itself (controller-data-access).
    private final OrderRepository orders;

    public OrderController(OrderRepository orders) {
        this.orders = orders;
    }

    // Pitfall: the transaction starts in the controller (transactional-controller),
    // and the handler prices the order itself (controller-business-logic).
    @PostMapping
    @Transactional
    public ResponseEntity<Order> place(@RequestHeader("Idempotency-Key") String idempotencyKey,
            @RequestBody OrderRequest request) {
        BigDecimal subtotal = BigDecimal.ZERO;
        for (OrderRequest.Line line : request.lines()) {
            subtotal = subtotal.add(line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())));
        }
        BigDecimal total = subtotal.add(subtotal.multiply(TAX_RATE));
        Order order = orders.save(new Order(idempotencyKey, request.customerId(), total));
        return ResponseEntity.status(HttpStatus.CREATED).body(order);
    }

    @GetMapping("/{id}")
    public ResponseEntity<Order> find(@PathVariable long id) {
        return ResponseEntity.of(orders.findById(id));
    }

    // Pitfall: a customer's orders without a page (unbounded-query), on a column no index leads
    // (missing-index: see OrderRepository and db/migration).
    @GetMapping
    public List<Order> byCustomer(@RequestParam long customerId) {
        return orders.findByCustomerId(customerId);
    }
}
