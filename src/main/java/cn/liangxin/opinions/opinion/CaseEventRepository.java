package cn.liangxin.opinions.opinion;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CaseEventRepository extends JpaRepository<CaseEvent, Long> {

	List<CaseEvent> findByCaseNoOrderByIdAsc(String caseNo);

	long countByCaseNoAndStageAndKind(String caseNo, String stage, CaseEventKind kind);

	boolean existsByOnceKey(String onceKey);

	@Modifying
	@Query("update CaseEvent e set e.detail = null where e.caseNo = ?1")
	int forgetDetails(String caseNo);

}
