package jakarta.mail.internet;

public class MimeMessage extends jakarta.mail.Message { }
