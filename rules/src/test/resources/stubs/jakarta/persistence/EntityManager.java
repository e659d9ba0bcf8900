package jakarta.persistence;

public interface EntityManager { void persist(Object o); <T> T merge(T o); <T> T find(Class<T> type, Object id); }
