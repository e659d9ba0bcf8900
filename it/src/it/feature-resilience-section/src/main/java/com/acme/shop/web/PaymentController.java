package com.acme.shop.web;

import com.acme.shop.payment.Payment;
import com.acme.shop.payment.PaymentService;
import com.acme.shop.payment.ReceiptService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/payments")
public class PaymentController {

    private final PaymentService payments;
    private final ReceiptService receipts;

    public PaymentController(PaymentService payments, ReceiptService receipts) {
        this.payments = payments;
        this.receipts = receipts;
    }

    // A client that retries after a timeout is charged twice.
    @PostMapping
    public ResponseEntity<Long> pay(@Valid @RequestBody PaymentRequest request) {
        Payment payment = payments.charge(request.orderReference(), request.amountInCents());
        return ResponseEntity.status(HttpStatus.CREATED).body(payment.getId());
    }

    // The receipt mail is handed to an executor: the handler answers 202 at once.
    @PutMapping("/{id}/receipt")
    public ResponseEntity<Void> resendReceipt(@PathVariable long id, @RequestParam @Email String email) {
        receipts.resend(id, email);
        return ResponseEntity.accepted().build();
    }
}
