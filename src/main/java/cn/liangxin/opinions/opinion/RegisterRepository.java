package cn.liangxin.opinions.opinion;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface RegisterRepository extends JpaRepository<RegisterEntry, Long> {

	Optional<RegisterEntry> findByCaseNo(String caseNo);

	Page<RegisterEntry> findByOrgCodeIn(Collection<String> orgCodes, Pageable page);

	long countByStruckOffFalse();

	List<RegisterEntry> findByOrgCodeAndCaseYearAndSerialNoGreaterThanOrderBySerialNo(String orgCode, int caseYear,
			int afterSerialNo, Pageable page);

	List<RegisterEntry> findByStruckOffTrueAndStruckOffOnBeforeAndPersonalDataRemovedOnIsNull(LocalDate before,
			Pageable page);

	long countByStruckOffFalseAndOverdueTrue();

}
