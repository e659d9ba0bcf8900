package org.springframework.data.repository;

public interface CrudRepository<T, ID> extends Repository<T, ID> { <S extends T> S save(S entity); java.util.Optional<T> findById(ID id); Iterable<T> findAll(); boolean existsById(ID id); void deleteById(ID id); }
