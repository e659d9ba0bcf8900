package com.acme.orders;

public class Broken {
    void place( {
}
