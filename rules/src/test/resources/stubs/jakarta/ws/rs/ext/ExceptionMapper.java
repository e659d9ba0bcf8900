package jakarta.ws.rs.ext;

public interface ExceptionMapper<E extends Throwable> {
    Object toResponse(E exception);
}
