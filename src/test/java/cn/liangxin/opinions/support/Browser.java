package cn.liangxin.opinions.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) in
 * Chinese, in China's time zone. Tests that need it are skipped, with a message naming
 * the packages, on a machine without them; {@code .ci/run} installs them so CI always
 * runs them.
 */
public final class Browser implements AutoCloseable {

	static final File CHROMIUM = new File("/usr/bin/chromium");

	static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final WebDriver driver;

	private final String baseUrl;

	private Browser(WebDriver driver, String baseUrl) {
		this.driver = driver;
		this.baseUrl = baseUrl;
	}

	/**
	 * Skips the calling test, saying what to install, unless Chromium and its driver are
	 * here.
	 */
	public static void assumeInstalled() {
		boolean installed = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
		if (!installed) {
			System.err.println("SKIPPED browser test: install Debian's chromium, chromium-driver and fonts-noto-cjk "
					+ "(apt-get install chromium chromium-driver fonts-noto-cjk); .ci/run does this on CI.");
		}
		Assumptions.assumeTrue(installed, "Browser tests need Debian's chromium, chromium-driver and fonts-noto-cjk: "
				+ "apt-get install chromium chromium-driver fonts-noto-cjk");
	}

	public static Browser open(int port) {
		assumeInstalled();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--window-size=1400,1100", "--lang=zh-CN");
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
			.withEnvironment(Map.of("TZ", "Asia/Shanghai", "LANG", "zh_CN.UTF-8", "LANGUAGE", "zh_CN:zh"))
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		// headless Chromium ignores --lang for navigator.language, which form-js's date
		// fields follow
		driver.executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", "zh-CN"));
		return new Browser(driver, "http://localhost:" + port);
	}

	/** Logs in to Tasklist and waits for the filters. */
	public Browser logInToTasklist(String user, String password) {
		this.driver.manage().deleteAllCookies();
		this.driver.get(this.baseUrl + "/camunda/app/tasklist/default/");
		type(By.cssSelector("input[ng-model='username']"), user);
		type(By.cssSelector("input[ng-model='password']"), password);
		click(By.cssSelector("button[type='submit']"));
		waitFor(By.xpath("//*[contains(text(),'全部待办')]"));
		return this;
	}

	public WebElement waitFor(By by) {
		return new WebDriverWait(this.driver, Duration.ofSeconds(20))
			.until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	public void click(By by) {
		WebElement element = new WebDriverWait(this.driver, Duration.ofSeconds(20))
			.until(ExpectedConditions.elementToBeClickable(by));
		try {
			element.click();
		}
		catch (ElementClickInterceptedException ex) {
			// a form-js dropdown or a notification lies over it; a user would scroll or
			// close it
			((JavascriptExecutor) this.driver).executeScript("arguments[0].click()", element);
		}
	}

	/**
	 * Types into a field, again if form-js re-rendered it meanwhile and the text did not
	 * stick.
	 */
	public void type(By by, String text) {
		String expected = text.replace(Keys.TAB, "");
		for (int attempt = 0; attempt < 3; attempt++) {
			WebElement element = waitFor(by);
			element.clear();
			element.sendKeys(text);
			settle();
			WebElement current = waitFor(by);
			if (!current.getTagName().equals("input") && !current.getTagName().equals("textarea")
					|| expected.equals(current.getDomProperty("value"))) {
				return;
			}
		}
	}

	/** A form-js field by its component id (ids end with it). */
	public static By formField(String componentId) {
		return By.cssSelector("[id$='" + componentId + "']");
	}

	public static By text(String text) {
		return By.xpath("//*[normalize-space(text())='" + text + "']");
	}

	/** Picks an option of a form-js select (which opens and picks on mousedown). */
	public void select(String componentId, String optionLabel) {
		By option = By
			.xpath("//div[contains(@class,'fjs-dropdownlist-item') and normalize-space(text())='" + optionLabel + "']");
		By display = By.cssSelector(".fjs-form-field:has([id$='" + componentId + "']) .fjs-select-display");
		for (int attempt = 0; attempt < 5; attempt++) {
			if (this.driver.findElements(option).stream().noneMatch(WebElement::isDisplayed)) {
				// the field may just have been shown (a condition changed): open it again
				// if needed
				mouseDown(waitFor(display));
			}
			try {
				mouseDown(new WebDriverWait(this.driver, Duration.ofSeconds(4))
					.until(ExpectedConditions.visibilityOfElementLocated(option)));
				return;
			}
			catch (org.openqa.selenium.TimeoutException ex) {
				settle();
			}
		}
		throw new AssertionError("Option " + optionLabel + " of " + componentId + " never showed");
	}

	/**
	 * form-js stores typed text after a short debounce; a click before that would
	 * re-render it away.
	 */
	private static void settle() {
		try {
			Thread.sleep(400);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private WebElement present(By by) {
		// a radio or checkbox input may be drawn by its label rather than shown itself
		return new WebDriverWait(this.driver, Duration.ofSeconds(20))
			.until(ExpectedConditions.presenceOfElementLocated(by));
	}

	public void check(String componentId) {
		// Tasklist renders the form again after a claim: find the box again until it
		// stays checked
		for (int attempt = 0; attempt < 5; attempt++) {
			try {
				WebElement box = present(formField(componentId));
				if (!box.isSelected()) {
					((JavascriptExecutor) this.driver).executeScript("arguments[0].click()", box);
				}
				settle();
				if (present(formField(componentId)).isSelected()) {
					return;
				}
			}
			catch (StaleElementReferenceException ex) {
				// rendered again meanwhile: look once more
			}
		}
		throw new AssertionError("could not check " + componentId);
	}

	private void mouseDown(WebElement element) {
		((JavascriptExecutor) this.driver)
			.executeScript("arguments[0].dispatchEvent(new MouseEvent('mousedown', {bubbles: true}))", element);
	}

	public String text(By by) {
		return waitFor(by).getText();
	}

	public void screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			File file = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.FILE);
			Files.copy(file.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public WebDriver driver() {
		return this.driver;
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
