package cn.liangxin.opinions.web;

import java.util.List;

import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.support.Browser;
import cn.liangxin.opinions.support.WebAppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forms in Tasklist speak Chinese to the end, form-js's own texts included: the
 * placeholder of a select and the validation messages, in a real headless Chromium.
 */
@WebAppTest
class FormTextsIT {

	static final By FORM = By.cssSelector(".fjs-form");

	@LocalServerPort
	int port;

	@Autowired
	DemoData demo;

	@BeforeEach
	void demoOrganizationsAndPeopleExist() {
		Browser.assumeInstalled();
		this.demo.createOrganizationsAndPeople();
	}

	@Test
	void theIntakeFormShowsFormJsOwnTextsInChinese() {
		try (Browser browser = Browser.open(this.port)) {
			browser.logInToTasklist("sec1", DemoData.PASSWORD);
			browser.click(TasklistWalkIT.START_PROCESS);
			browser.click(By.xpath("//a[normalize-space()='员工意见办理']"));
			browser.waitFor(Browser.text("员工意见登记"));

			browser.waitFor(By.xpath("//*[contains(@class,'fjs-select-display') and normalize-space()='请选择']"));
			browser.click(TasklistWalkIT.START_BUTTON);
			browser.waitFor(By.xpath("//*[contains(@class,'fjs-form-field-error') and contains(.,'此项为必填项')]"));
			browser.type(Browser.formField("intake_reporterName"), "周".repeat(51));
			browser.waitFor(By.xpath("//*[contains(@class,'fjs-form-field-error') and contains(.,'不能超过 50 个字')]"));
			browser.screenshot("form-texts-intake-sec1");

			String text = browser.text(FORM);
			assertThat(text).doesNotContain("Field is required", "Field must", "Select", "Search");
			List<WebElement> placeholders = browser.driver().findElements(By.cssSelector(".fjs-form [placeholder]"));
			for (WebElement input : placeholders) {
				assertThat(input.getAttribute("placeholder")).doesNotContain("Search", "Select");
			}
			Object english = ((JavascriptExecutor) browser.driver())
				.executeScript("return Array.from(document.querySelectorAll('.fjs-form-field-error'))"
						+ ".map(e => e.textContent).filter(t => /[A-Za-z]{3}/.test(t)).length");
			assertThat(((Number) english).intValue()).as("validation messages in English").isZero();
		}
	}

}
