package com.acme.shop.web;

/** How the web layer shows an order. */
public record OrderView(String id, String total) {}
