package com.acme.orders;

\u0070ublic class Escaped {
    String sign = "\u00e9";
}
