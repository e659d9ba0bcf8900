package org.springframework.mail;

public class SimpleMailMessage { public void setTo(String to) {} public void setSubject(String subject) {} public void setText(String text) {} }
