package com.acme.orders.service;

import com.acme.orders.data.CustomerRepository;
import com.acme.orders.data.OrderLineRepository;
import com.acme.orders.data.PurchaseOrderRepository;
import com.acme.orders.domain.Customer;
import com.acme.orders.domain.OrderLine;
import com.acme.orders.domain.PurchaseOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OrderService {

    private final PurchaseOrderRepository orders;
    private final OrderLineRepository lines;
    private final CustomerRepository customers;

    public OrderService(PurchaseOrderRepository orders, OrderLineRepository lines, CustomerRepository customers) {
        this.orders = orders;
        this.lines = lines;
        this.customers = customers;
    }

    @Transactional(readOnly = true)
    public List<PurchaseOrder> all() {
        return orders.findAll();
    }

    @Transactional(readOnly = true)
    public Page<PurchaseOrder> page(Pageable pageable) {
        return orders.findAll(pageable);
    }

    @Transactional(readOnly = true)
    public Optional<PurchaseOrder> byNumber(String orderNumber) {
        return orders.findByOrderNumber(orderNumber);
    }

    @Transactional(readOnly = true)
    public List<PurchaseOrder> byCustomerEmail(String email) {
        return orders.findByCustomerEmail(email);
    }

    @Transactional(readOnly = true)
    public Optional<PurchaseOrder> byTrackingCode(String code) {
        return orders.findByTracking(code);
    }

    /** One query per order. */
    @Transactional(readOnly = true)
    public List<LineTotal> lineTotals(List<Long> orderIds) {
        List<LineTotal> totals = new ArrayList<>();
        for (Long orderId : orderIds) {
            List<OrderLine> ofOrder = lines.findByOrderId(orderId);
            totals.add(total(orderId, ofOrder));
        }
        return totals;
    }

    /** The same in one query: the loop runs over rows already in memory. */
    @Transactional(readOnly = true)
    public List<LineTotal> lineTotalsBatched(List<Long> orderIds) {
        Map<Long, List<OrderLine>> byOrder = lines.findByOrderIdIn(orderIds).stream()
                .collect(Collectors.groupingBy(OrderLine::getOrderId));
        List<LineTotal> totals = new ArrayList<>();
        for (Long orderId : orderIds) {
            totals.add(total(orderId, byOrder.getOrDefault(orderId, List.of())));
        }
        return totals;
    }

    /** Each customer's lazy orders are loaded on their own: one query per customer. */
    @Transactional(readOnly = true)
    public Map<String, Integer> orderCounts() {
        Map<String, Integer> counts = new HashMap<>();
        for (Customer customer : customers.findAll()) {
            counts.put(customer.getEmail(), customer.getOrders().size());
        }
        return counts;
    }

    /** The same with the orders fetched by the query. */
    @Transactional(readOnly = true)
    public Map<String, Integer> orderCountsFetched() {
        Map<String, Integer> counts = new HashMap<>();
        for (Customer customer : customers.findAllWithOrders()) {
            counts.put(customer.getEmail(), customer.getOrders().size());
        }
        return counts;
    }

    private static LineTotal total(long orderId, List<OrderLine> ofOrder) {
        int items = 0;
        long cents = 0;
        for (OrderLine line : ofOrder) {
            items += line.getQuantity();
            cents += line.getPriceCents() * line.getQuantity();
        }
        return new LineTotal(orderId, items, cents);
    }

    @Transactional
    public PurchaseOrder place(NewOrder order) {
        Customer customer = customers.findByEmail(order.customerEmail()).orElseThrow();
        PurchaseOrder placed = new PurchaseOrder(order.orderNumber(), customer, order.currency(), order.totalCents());
        return orders.save(placed);
    }

    /** Imports a batch: each order is meant to commit on its own, but the self-call skips the proxy. */
    public List<PurchaseOrder> importAll(List<NewOrder> batch) {
        List<PurchaseOrder> placed = new ArrayList<>();
        for (NewOrder order : batch) {
            placed.add(place(order));
        }
        return placed;
    }

    /** Already in a transaction of the same kind: joining it is what the proxy would do as well. */
    @Transactional
    public PurchaseOrder reorder(String orderNumber, String newOrderNumber) {
        PurchaseOrder previous = orders.findByOrderNumber(orderNumber).orElseThrow();
        return place(new NewOrder(newOrderNumber, previous.getCustomer().getEmail(), "EUR", previous.getTotalCents()));
    }

    @Transactional
    private void purgeCancelled(List<PurchaseOrder> cancelled) {
        orders.deleteAllInBatch(cancelled);
    }

    public void purge(List<PurchaseOrder> cancelled) {
        purgeCancelled(cancelled);
    }
}
