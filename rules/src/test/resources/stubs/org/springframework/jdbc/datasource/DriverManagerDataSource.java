package org.springframework.jdbc.datasource;

public class DriverManagerDataSource { public DriverManagerDataSource() {} public DriverManagerDataSource(String url, String user, String password) {} }
