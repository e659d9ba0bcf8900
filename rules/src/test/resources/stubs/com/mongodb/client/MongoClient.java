package com.mongodb.client;

public interface MongoClient extends AutoCloseable { void close(); }
