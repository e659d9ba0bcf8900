package org.springframework.http;

public class ResponseEntity<T> { public static <T> ResponseEntity<T> ok(T body) { return new ResponseEntity<>(); } public static ResponseEntity<Void> noContent() { return new ResponseEntity<>(); } public static <T> ResponseEntity<T> of(java.util.Optional<T> body) { return new ResponseEntity<>(); } public static Builder status(HttpStatus status) { return new Builder(); } public static class Builder { public <T> ResponseEntity<T> body(T body) { return new ResponseEntity<>(); } } }
