package cn.liangxin.opinions.mail;

/**
 * A rendered message, ready to send: one recipient, a subject, a plain-text part and an
 * HTML part.
 */
public record OutgoingMail(String to, String subject, String text, String html) {

}
