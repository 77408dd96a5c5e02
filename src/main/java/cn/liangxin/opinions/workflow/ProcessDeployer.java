package cn.liangxin.opinions.workflow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys {@code processes/} and {@code forms/} at start-up as one deployment with stable
 * resource names ({@code processes/employee-opinion.bpmn},
 * {@code forms/branch-assess.form}), whatever the launch mode, with duplicate filtering:
 * a restart on the same database creates no new version unless a file changed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProcessDeployer implements ApplicationRunner {

	static final String DEPLOYMENT_NAME = "opinion-handling";

	private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);

	private final RepositoryService repository;

	ProcessDeployer(RepositoryService repository) {
		this.repository = repository;
	}

	@Override
	public void run(ApplicationArguments args) {
		deploy();
	}

	DeploymentWithDefinitions deploy() {
		DeploymentBuilder deployment = this.repository.createDeployment()
			.name(DEPLOYMENT_NAME)
			.source("opinion-handling application")
			.enableDuplicateFiltering(false);
		int count = add(deployment, "processes", "*.bpmn") + add(deployment, "forms", "*.form");
		DeploymentWithDefinitions result = deployment.deployWithResult();
		log.info("Deployment '{}' with {} resources: {}", DEPLOYMENT_NAME, count,
				(result.getDeployedProcessDefinitions() == null || result.getDeployedProcessDefinitions().isEmpty())
						? "unchanged, nothing new deployed" : "deployed " + result.getId());
		return result;
	}

	private static int add(DeploymentBuilder deployment, String folder, String pattern) {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:" + folder + "/" + pattern);
			Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
			for (Resource resource : resources) {
				try (InputStream in = resource.getInputStream()) {
					deployment.addInputStream(folder + "/" + resource.getFilename(),
							new ByteArrayInputStream(in.readAllBytes()));
				}
			}
			return resources.length;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + folder + "/" + pattern, ex);
		}
	}

}
