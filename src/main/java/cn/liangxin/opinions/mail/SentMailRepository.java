package cn.liangxin.opinions.mail;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SentMailRepository extends JpaRepository<SentMail, Long> {

	boolean existsByIdempotencyKeyAndRecipient(String idempotencyKey, String recipient);

	List<SentMail> findByOrderBySentAtDescIdDesc(Pageable page);

	List<SentMail> findByCaseNoOrderBySentAtAscIdAsc(String caseNo);

	@Modifying
	@Query("delete from SentMail m where m.caseNo = :caseNo")
	int deleteByCaseNo(@Param("caseNo") String caseNo);

}
