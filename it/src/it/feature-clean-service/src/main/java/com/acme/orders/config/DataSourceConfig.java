package com.acme.orders.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One pool for the application, sized for the database's connection limit. */
@Configuration
public class DataSourceConfig {

    @Bean(destroyMethod = "close")
    public HikariDataSource dataSource(@Value("${orders.db.url}") String url,
            @Value("${orders.db.user}") String user, @Value("${orders.db.password}") String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }
}
