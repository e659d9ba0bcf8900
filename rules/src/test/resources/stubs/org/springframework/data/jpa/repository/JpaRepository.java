package org.springframework.data.jpa.repository;

public interface JpaRepository<T, ID> extends org.springframework.data.repository.CrudRepository<T, ID> { java.util.List<T> findAll(); }
