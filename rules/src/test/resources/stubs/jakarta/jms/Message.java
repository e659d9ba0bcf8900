package jakarta.jms;

public interface Message { }
