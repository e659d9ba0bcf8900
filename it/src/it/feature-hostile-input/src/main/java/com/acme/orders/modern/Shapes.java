package com.acme.orders.modern;

import java.util.List;

public final class Shapes {
    sealed interface Shape permits Circle, Square {}
    record Circle(double radius) implements Shape {}
    record Square(double side) implements Shape {}
    record Pair(Object left, Object right) {}

    static double area(Shape shape) {
        return switch (shape) {
            case Circle(double r) when r > 0 -> Math.PI * r * r;
            case Circle c -> 0;
            case Square(var side) -> side * side;
        };
    }

    static int count(List<Shape> shapes, Object o) {
        int total = 0;
        for (Shape _ : shapes) {
            total++;
        }
        if (o instanceof Pair(Circle(var r), _)) {
            total += (int) r;
        }
        return total;
    }

    static void print(Object o) {
        System.out.println(o);
    }
}
