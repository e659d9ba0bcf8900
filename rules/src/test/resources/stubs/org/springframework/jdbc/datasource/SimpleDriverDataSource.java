package org.springframework.jdbc.datasource;

public class SimpleDriverDataSource { }
