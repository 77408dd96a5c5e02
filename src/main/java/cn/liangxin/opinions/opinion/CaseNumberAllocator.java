package cn.liangxin.opinions.opinion;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out the next serial number of an organization's register for a year, gapless and
 * unique under concurrent intake: the counter row is incremented in the caller's
 * transaction, so the row lock orders concurrent registrations and a rolled-back
 * registration gives its number back.
 */
@Component
class CaseNumberAllocator {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate newTransaction;

	CaseNumberAllocator(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	CaseNumber next(String orgCode, int year) {
		if (increment(orgCode, year) == 0) {
			createCounter(orgCode, year);
			if (increment(orgCode, year) == 0) {
				throw new IllegalStateException("No case counter for " + orgCode + " " + year);
			}
		}
		Integer serial = this.jdbc.queryForObject(
				"select last_no from case_counter where org_code = ? and case_year = ?", Integer.class, orgCode, year);
		return new CaseNumber(orgCode, year, serial);
	}

	private int increment(String orgCode, int year) {
		return this.jdbc.update("update case_counter set last_no = last_no + 1 where org_code = ? and case_year = ?",
				orgCode, year);
	}

	/**
	 * Creates the year's counter in a transaction of its own, so that two first
	 * registrations of a year racing to create it do not abort the caller's transaction.
	 */
	private void createCounter(String orgCode, int year) {
		try {
			this.newTransaction.executeWithoutResult((status) -> this.jdbc
				.update("insert into case_counter (org_code, case_year, last_no) values (?, ?, 0)", orgCode, year));
		}
		catch (DuplicateKeyException ex) {
			// another registration created it first
		}
	}

}
