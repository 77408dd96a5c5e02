package cn.liangxin.opinions.workflow;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Restarting on the same database deploys nothing new; forms are deployed with the
 * processes.
 */
@SpringBootTest
@ActiveProfiles("test")
class ProcessDeployerIT {

	@Autowired
	ProcessDeployer deployer;

	@Autowired
	RepositoryService repository;

	@Test
	void deployingTheSameFilesAgainCreatesNoNewVersion() {
		long versions = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(OpinionProcess.PROCESS_ID)
			.count();

		this.deployer.deploy();
		this.deployer.deploy();

		assertThat(
				this.repository.createProcessDefinitionQuery().processDefinitionKey(OpinionProcess.PROCESS_ID).count())
			.isEqualTo(versions)
			.isEqualTo(1);
	}

	@Test
	void theProcessesAndEveryFormAreDeployedUnderStableNames() {
		String deploymentId = this.repository.createDeploymentQuery()
			.deploymentName(ProcessDeployer.DEPLOYMENT_NAME)
			.singleResult()
			.getId();

		assertThat(this.repository.getDeploymentResourceNames(deploymentId)).contains("processes/employee-opinion.bpmn",
				"processes/opinion-supervision.bpmn", "forms/opinion-intake.form", "forms/branch-assess.form",
				"forms/department-handle.form", "forms/branch-report-up.form", "forms/committee-accept.form",
				"forms/committee-handle.form", "forms/branch-feedback.form", "forms/supervise-overdue.form");
	}

}
