/**
 * E-mail: reminder and escalation messages in Simplified Chinese, rendered from Thymeleaf
 * templates ({@code templates/mail/*}) as HTML with a plain-text part, and sent with
 * Spring Mail.
 */
package cn.liangxin.opinions.mail;
