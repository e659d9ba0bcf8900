package org.springframework.http;

public class ResponseEntity<T> { public static <T> ResponseEntity<T> ok(T body) { return new ResponseEntity<>(); } public static ResponseEntity<Void> noContent() { return new ResponseEntity<>(); } }
