package jakarta.mail;

public abstract class Message { public void setSubject(String subject) {} public void setText(String text) {} }
