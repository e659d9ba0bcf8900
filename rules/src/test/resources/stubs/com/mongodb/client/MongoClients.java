package com.mongodb.client;

public final class MongoClients { public static com.mongodb.client.MongoClient create(String uri) { return null; } }
