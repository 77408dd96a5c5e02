package cn.liangxin.opinions.mail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SentMailRepository extends JpaRepository<SentMail, Long> {

	Optional<SentMail> findByIdempotencyKeyAndRecipient(String idempotencyKey, String recipient);

	long countByState(SentMail.State state);

	@Modifying
	@Query("update SentMail m set m.state = cn.liangxin.opinions.mail.SentMail.State.SENT, m.sentAt = :sentAt where m.id = :id")
	int markSent(@Param("id") Long id, @Param("sentAt") Instant sentAt);

	/** Marks a claim found unfinished; 0 if it was finished or marked meanwhile. */
	@Modifying
	@Query("update SentMail m set m.state = cn.liangxin.opinions.mail.SentMail.State.UNKNOWN where m.id = :id and m.state = cn.liangxin.opinions.mail.SentMail.State.SENDING")
	int markUnknown(@Param("id") Long id);

	/** Claims a message of unknown delivery for an admin's resend; 0 if another did. */
	@Modifying
	@Query("update SentMail m set m.state = cn.liangxin.opinions.mail.SentMail.State.SENDING where m.id = :id and m.state = cn.liangxin.opinions.mail.SentMail.State.UNKNOWN")
	int markResending(@Param("id") Long id);

	/** Gives a resend's claim back when the SMTP server refused the message. */
	@Modifying
	@Query("update SentMail m set m.state = cn.liangxin.opinions.mail.SentMail.State.UNKNOWN where m.id = :id")
	int markUnknownAgain(@Param("id") Long id);

	List<SentMail> findByOrderBySentAtDescIdDesc(Pageable page);

	List<SentMail> findByCaseNoOrderBySentAtAscIdAsc(String caseNo);

	@Modifying
	@Query("delete from SentMail m where m.caseNo = :caseNo")
	int deleteByCaseNo(@Param("caseNo") String caseNo);

}
