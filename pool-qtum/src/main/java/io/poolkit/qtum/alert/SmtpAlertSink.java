package io.poolkit.qtum.alert;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import java.util.Properties;

/**
 * Sends alerts as plain-text e-mail over SMTP (PPM: smtp.gmail.com:587 with STARTTLS and an app
 * password; the recipient may be an e-mail-to-SMS gateway). The password is never logged.
 */
public final class SmtpAlertSink implements AlertSink {

    private final Session session;
    private final String from;
    private final String to;

    /**
     * @param host SMTP server
     * @param port SMTP port (587 for STARTTLS)
     * @param startTls require STARTTLS
     * @param user login user, if the server needs one
     * @param password login password (with {@code user})
     * @param from sender address
     * @param to recipient address
     */
    public SmtpAlertSink(String host, int port, boolean startTls, Optional<String> user, Optional<String> password,
            String from, String to) {
        Properties p = new Properties();
        p.put("mail.smtp.host", host);
        p.put("mail.smtp.port", Integer.toString(port));
        p.put("mail.smtp.starttls.enable", Boolean.toString(startTls));
        p.put("mail.smtp.starttls.required", Boolean.toString(startTls));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "10000");
        Authenticator auth = null;
        if (user.isPresent()) {
            p.put("mail.smtp.auth", "true");
            String u = user.get();
            String pw = password.orElse("");
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(u, pw);
                }
            };
        }
        this.session = Session.getInstance(p, auth);
        this.from = from;
        this.to = to;
    }

    @Override
    public void send(String subject, String body) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(from));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        m.setSubject(subject, "UTF-8");
        m.setText(body, "UTF-8");
        Transport.send(m);
    }
}
