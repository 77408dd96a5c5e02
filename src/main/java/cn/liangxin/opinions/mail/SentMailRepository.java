package cn.liangxin.opinions.mail;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface SentMailRepository extends JpaRepository<SentMail, Long> {

	boolean existsByIdempotencyKeyAndRecipient(String idempotencyKey, String recipient);

	List<SentMail> findByOrderBySentAtDescIdDesc(Pageable page);

	List<SentMail> findByCaseNoOrderBySentAtAscIdAsc(String caseNo);

}
