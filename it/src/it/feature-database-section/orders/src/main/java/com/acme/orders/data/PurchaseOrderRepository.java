package com.acme.orders.data;

import com.acme.orders.domain.OrderStatus;
import com.acme.orders.domain.PurchaseOrder;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PurchaseOrderRepository extends JpaRepository<PurchaseOrder, Long> {

    // The unique constraint of V1 is an index.
    Optional<PurchaseOrder> findByOrderNumber(String orderNumber);

    // No index on customer_email.
    List<PurchaseOrder> findByCustomerEmail(String customerEmail);

    // V1's index on (customer_id, placed_at) leads with customer_id.
    Page<PurchaseOrder> findByCustomerIdOrderByPlacedAtDesc(Long customerId, Pageable page);

    // No index on tracking_code, which V2 adds.
    @Query("select o from PurchaseOrder o where o.trackingCode = :code")
    Optional<PurchaseOrder> findByTracking(@Param("code") String code);

    // A status has few distinct values: an index would not be used.
    List<PurchaseOrder> findByStatus(OrderStatus status);
}
