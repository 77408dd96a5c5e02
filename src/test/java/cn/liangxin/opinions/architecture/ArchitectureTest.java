package cn.liangxin.opinions.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The module boundaries, checked rather than hoped for. */
class ArchitectureTest {

	static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("cn.liangxin.opinions");

	@Test
	void theCalendarIsPlainJavaWithoutSpringOrCamunda() {
		noClasses().that()
			.resideInAPackage("..calendar..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "org.camunda..", "jakarta.persistence..")
			.check(CLASSES);
	}

	@Test
	void theReminderScheduleIsPlainJavaWithoutSpringOrCamunda() {
		noClasses().that()
			.resideInAPackage("..reminder..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "org.camunda..", "jakarta.persistence..")
			.check(CLASSES);
	}

	@Test
	void theCaseAndTheOrganizationsDoNotKnowTheEngine() {
		noClasses().that()
			.resideInAnyPackage("..opinion..", "..org..", "..validation..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.camunda..")
			.check(CLASSES);
	}

	@Test
	void onlyTheEngineAdaptersAndTheDemoDataTalkToTheEngine() {
		noClasses().that()
			.resideOutsideOfPackages("..workflow..", "..access..", "..demo..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.camunda.bpm.engine..")
			.check(CLASSES);
	}

	@Test
	void thePackagesAreFreeOfCycles() {
		slices().matching("cn.liangxin.opinions.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void theCaseDoesNotDependOnTheWorkflowAdapter() {
		noClasses().that()
			.resideInAPackage("..opinion..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..workflow..")
			.check(CLASSES);
	}

}
