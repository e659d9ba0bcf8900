package com.acme.orders;

/** Größen und Maße: ISO-8859-1 like the build says. */
public class Labels {

    public void print(String size) {
        System.out.println("Größe: " + size);
    }
}
