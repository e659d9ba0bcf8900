package com.acme.orders

data class Invoice(val id: Long)
