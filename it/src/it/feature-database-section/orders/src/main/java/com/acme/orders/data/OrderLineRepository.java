package com.acme.orders.data;

import com.acme.orders.domain.OrderLine;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OrderLineRepository extends JpaRepository<OrderLine, Long> {

    // The foreign key order_id has no index: PostgreSQL does not create one.
    List<OrderLine> findByOrderId(Long orderId);

    List<OrderLine> findByOrderIdIn(Collection<Long> orderIds);
}
