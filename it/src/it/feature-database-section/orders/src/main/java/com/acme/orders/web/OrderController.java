package com.acme.orders.web;

import com.acme.orders.service.OrderService;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Request handling only: the service owns the transactions and the data access. */
@RestController
@RequestMapping("/orders")
public class OrderController {

    private final OrderService service;

    public OrderController(OrderService service) {
        this.service = service;
    }

    @GetMapping
    public List<OrderView> all() {
        return service.all().stream().map(OrderView::of).toList();
    }

    @GetMapping("/paged")
    public Page<OrderView> page(Pageable pageable) {
        return service.page(pageable).map(OrderView::of);
    }

    @GetMapping("/{orderNumber}")
    public ResponseEntity<OrderView> byNumber(@PathVariable String orderNumber) {
        return ResponseEntity.of(service.byNumber(orderNumber).map(OrderView::of));
    }

    @GetMapping("/tracking/{code}")
    public ResponseEntity<OrderView> byTrackingCode(@PathVariable String code) {
        return ResponseEntity.of(service.byTrackingCode(code).map(OrderView::of));
    }
}
