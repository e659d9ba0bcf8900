package org.springframework.http;

public enum HttpStatus { OK, CREATED, ACCEPTED, NO_CONTENT, BAD_REQUEST, NOT_FOUND, CONFLICT }
