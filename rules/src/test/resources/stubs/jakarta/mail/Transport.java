package jakarta.mail;

public abstract class Transport { public static void send(Message message) {} }
