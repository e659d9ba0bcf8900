package com.acme.shop.payment;

import org.springframework.core.task.TaskExecutor;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/** Mails a receipt again; the mail goes out on the task executor, not on the request thread. */
@Service
public class ReceiptService {

    private final PaymentRepository payments;
    private final JavaMailSender mailSender;
    private final TaskExecutor executor;

    public ReceiptService(PaymentRepository payments, JavaMailSender mailSender, TaskExecutor executor) {
        this.payments = payments;
        this.mailSender = mailSender;
        this.executor = executor;
    }

    public void resend(long paymentId, String email) {
        Payment payment = payments.findById(paymentId).orElseThrow(() -> new IllegalArgumentException("unknown payment"));
        SimpleMailMessage message = new SimpleMailMessage();
        message.setTo(email);
        message.setSubject("Your receipt");
        message.setText("Payment " + payment.getId() + " of " + payment.getAmountInCents() + " cents.");
        executor.execute(() -> mailSender.send(message));
    }
}
