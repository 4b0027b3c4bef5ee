package io.estatedesk.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * One headless Chromium for one test, against the application started by {@link IntegrationTest}.
 * <p>
 * Register it as a static extension in an {@code @IntegrationTest} class:
 * <pre>
 * &#64;RegisterExtension
 * static final BrowserSession browser = new BrowserSession();
 * </pre>
 * Every test of the class is skipped, with the reason, when Chromium or chromedriver is not installed (and the
 * application is not started for nothing). The
 * browser is started on first use in each test, pointed at the application's random port, photographed when the test
 * fails ({@code target/screenshots/<Class>.<method>-failed.png}) and quit after each test. The driver path is given
 * explicitly so Selenium Manager never goes to the network.
 */
public final class BrowserSession implements ExecutionCondition, BeforeEachCallback, AfterTestExecutionCallback,
		AfterEachCallback {

	public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	public static final Path SCREENSHOTS = Path.of("target/screenshots");

	public static final Duration WAIT = Duration.ofSeconds(10);

	private static final String NOT_INSTALLED = "Chromium/chromedriver not installed: browser tests skipped "
			+ "(apt-get install chromium chromium-driver)";

	private static final Dimension DESKTOP = new Dimension(1366, 900);

	private String baseUrl;

	private String testName = "browser";

	private Dimension windowSize = DESKTOP;

	private boolean phone;

	private ChromeDriver driver;

	private Path profile;

	// ---- JUnit lifecycle

	private static boolean chromiumInstalled() {
		return Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
	}

	/** Skips the current test, with the reason, when there is no browser to drive. */
	public static void assumeChromiumInstalled() {
		Assumptions.assumeTrue(chromiumInstalled(), NOT_INSTALLED);
	}

	/**
	 * Without a browser every test of the class is skipped, each reported with the reason, before the application
	 * is started for nothing.
	 */
	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		return chromiumInstalled() ? ConditionEvaluationResult.enabled("Chromium and chromedriver are installed")
				: ConditionEvaluationResult.disabled(NOT_INSTALLED);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		assumeChromiumInstalled();
		testName = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
		windowSize = DESKTOP;
		phone = false;
		baseUrl = "http://localhost:" + port(context);
	}

	private static String port(ExtensionContext context) {
		String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
		if (port == null) {
			throw new IllegalStateException("BrowserSession needs a test class annotated with @IntegrationTest");
		}
		return port;
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		if (context.getExecutionException().isPresent() && driver != null) {
			try {
				Path file = screenshot(testName + "-failed");
				System.err.println("Browser at failure: " + driver.getCurrentUrl() + " (screenshot " + file + ")");
			}
			catch (RuntimeException e) {
				System.err.println("No screenshot of the failure: " + e);
			}
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		quit();
	}

	// ---- driver

	/** Sets the window size for this test; call before the first page is opened (default 1366×900). */
	public BrowserSession windowSize(int width, int height) {
		if (driver != null) {
			throw new IllegalStateException("the browser is already running; set the window size first");
		}
		windowSize = new Dimension(width, height);
		return this;
	}

	/**
	 * Makes this test's browser a phone: a touch screen of {@code width}×{@code height} CSS pixels with a phone's user
	 * agent. (A desktop window cannot be made narrower than about 500 pixels, so the size alone is not enough.) Call
	 * before the first page is opened.
	 */
	public BrowserSession phone(int width, int height) {
		windowSize(width, height);
		phone = true;
		return this;
	}

	/** The running browser, started on first use. */
	public WebDriver driver() {
		if (driver == null) {
			driver = start();
		}
		return driver;
	}

	private ChromeDriver start() {
		assumeChromiumInstalled();
		try {
			profile = Files.createTempDirectory("estatedesk-chromium-");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=" + windowSize.getWidth() + "," + windowSize.getHeight(), "--lang=zh-CN",
				"--user-data-dir=" + profile.toAbsolutePath(),
				// Bootstrap then scrolls and folds without animation, so elements stand still when clicked
				"--force-prefers-reduced-motion");
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
		if (phone) {
			options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
					Map.of("width", windowSize.getWidth(), "height", windowSize.getHeight(), "pixelRatio", 1.0, "touch", true,
							"mobile", true),
					"userAgent", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
							+ "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"));
		}
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
		return new ChromeDriver(service, options);
	}

	/** Quits the browser (if it runs) and removes its profile directory. */
	public void quit() {
		if (driver != null) {
			try {
				driver.quit();
			}
			finally {
				driver = null;
			}
		}
		if (profile != null) {
			try (Stream<Path> files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
			catch (IOException e) {
				// a leftover temp directory is harmless
			}
			profile = null;
		}
	}

	// ---- navigation

	public String baseUrl() {
		if (baseUrl == null) {
			throw new IllegalStateException("no application port yet: use BrowserSession as a JUnit extension");
		}
		return baseUrl;
	}

	/** Opens a path of the application, such as {@code /owners}. */
	public BrowserSession open(String path) {
		driver().get(baseUrl() + path);
		return this;
	}

	/** The current path and query, without the scheme, host and port. */
	public String currentPath() {
		String url = driver().getCurrentUrl();
		return url.startsWith(baseUrl()) ? url.substring(baseUrl().length()) : url;
	}

	/** Logs in through the login page and waits for the workbench at {@code /}. */
	public BrowserSession login(String username, String password) {
		open("/login");
		type(By.id("username"), username);
		type(By.id("password"), password);
		click(driver().findElement(By.cssSelector("form button[type=submit]")));
		waitUntil(d -> currentPath().equals("/") || currentPath().startsWith("/login?"), "login to finish");
		if (!currentPath().equals("/")) {
			throw new AssertionError("login as " + username + " failed: ended at " + currentPath());
		}
		return this;
	}

	/** Logs out with the 退出 button in the user menu of the navbar. */
	public void logout() {
		WebElement menu = find(By.xpath(
				"//form[contains(@action, '/logout')]/ancestor::li[contains(@class, 'dropdown')]/a[contains(@class, 'dropdown-toggle')]"));
		click(menu);
		click(waitFor(By.cssSelector("form[action$='/logout'] button")));
		waitUntil(d -> currentPath().startsWith("/login"), "the login page after logging out");
	}

	/** The error messages the page shows (alerts and messages next to fields); none expected after a good step. */
	public List<String> errorMessages() {
		return findAll(By.cssSelector(".alert-danger, .alert-warning, .field-error")).stream()
			.map(WebElement::getText)
			.filter(t -> !t.isBlank())
			.toList();
	}

	// ---- elements and waits

	public WebElement find(By by) {
		return driver().findElement(by);
	}

	public List<WebElement> findAll(By by) {
		return driver().findElements(by);
	}

	/** Waits (10 s) for an element to be visible. */
	public WebElement waitFor(By by) {
		return waitUntil(ExpectedConditions.visibilityOfElementLocated(by), "visible " + by);
	}

	/** Waits (10 s) for a condition; on timeout photographs the page before failing. */
	public <T> T waitUntil(Function<WebDriver, T> condition, String description) {
		return waitUntil(condition, description, WAIT);
	}

	public <T> T waitUntil(Function<WebDriver, T> condition, String description, Duration timeout) {
		try {
			// htmx may swap elements while they are read: look again instead of failing
			return new WebDriverWait(driver(), timeout).withMessage(description)
				.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
				.until(condition);
		}
		catch (TimeoutException e) {
			screenshot(testName + "-timeout");
			throw e;
		}
	}

	/** Clears a text input and types into it. */
	public WebElement type(By by, String text) {
		WebElement input = waitFor(by);
		input.clear();
		input.sendKeys(text);
		return input;
	}

	/** Chooses the option whose visible text is exactly {@code text}. */
	public void select(By by, String text) {
		new Select(waitFor(by)).selectByVisibleText(text);
	}

	/** The visible text of a select's chosen option. */
	public String selectedText(By by) {
		return new Select(find(by)).getFirstSelectedOption().getText();
	}

	/**
	 * Waits until a select offers an option whose visible text starts with {@code textPrefix} (for the option lists
	 * htmx loads), chooses it and returns its value.
	 */
	public String selectWhenOffered(By by, String textPrefix) {
		WebElement option = waitUntil(d -> d.findElements(by).stream()
			.flatMap(select -> select.findElements(By.tagName("option")).stream())
			.filter(o -> o.getText().strip().startsWith(textPrefix))
			.findFirst()
			.orElse(null), "an option starting with '" + textPrefix + "' in " + by);
		String value = option.getDomProperty("value");
		new Select(find(by)).selectByValue(value);
		return value;
	}

	/**
	 * Types a date ({@code yyyy-MM-dd}) into a date input as a user does, segment by segment. The order of the
	 * segments follows the browser's own locale: 年/月/日 with the chromium-l10n package, otherwise en-US's
	 * month/day/year (--lang does not change it); so the orders are tried in turn until the input holds the date.
	 */
	public void typeDate(By by, String isoDate) {
		WebElement input = waitFor(by);
		String[] ymd = isoDate.split("-");
		// a year takes up to six digits, so an arrow key moves on from it; month and day move on after two digits
		List<CharSequence[]> orders = List.of(new CharSequence[] { ymd[0], Keys.ARROW_RIGHT, ymd[1], ymd[2] },
				new CharSequence[] { ymd[1], ymd[2], ymd[0] }, new CharSequence[] { ymd[2], ymd[1], ymd[0] });
		for (CharSequence[] keys : orders) {
			input.clear();
			input.sendKeys(keys);
			if (isoDate.equals(input.getDomProperty("value"))) {
				return;
			}
		}
		throw new AssertionError("could not type " + isoDate + " into the date input " + by + "; it holds '"
				+ input.getDomProperty("value") + "'");
	}

	/**
	 * Submits the form that contains {@code field} with its submit button, as a user would, and waits for the page
	 * that answers it (the button gone from the document), so what is read next is never the page being replaced.
	 */
	public void submitFormOf(By field) {
		clickAndAwaitPage(find(field).findElement(By.xpath("ancestor::form//button[@type='submit' or not(@type)]")),
				"the page after submitting the form of " + field);
	}

	/**
	 * Clicks an element that loads a new page (or swaps itself out) and waits until it is gone from the document.
	 * While Chromium replaces the page, asking about the old element can fail with an inspector error rather than a
	 * stale reference ("Node with given id does not belong to the document"); both mean the element has gone.
	 */
	public void clickAndAwaitPage(WebElement element, String description) {
		click(element);
		waitUntil(gone(element), description);
	}

	/** {@link #clickAndAwaitPage(WebElement, String)} for the visible element {@code button}. */
	public void clickAndAwaitPage(By button) {
		clickAndAwaitPage(waitFor(button), "the page after clicking " + button);
	}

	/** True once {@code element} is no longer part of the page, however the driver reports it. */
	public static ExpectedCondition<Boolean> gone(WebElement element) {
		return d -> {
			try {
				element.isEnabled();
				return false;
			}
			catch (org.openqa.selenium.StaleElementReferenceException e) {
				return true;
			}
			catch (org.openqa.selenium.WebDriverException e) {
				String message = String.valueOf(e.getMessage());
				// the node was detached while the page was replaced; any other driver hiccup: ask again
				return message.contains("does not belong to the document") || message.contains("No node with given id");
			}
		};
	}

	/** Scrolls an element to the middle of the window and clicks it. */
	public void click(WebElement element) {
		((JavascriptExecutor) driver()).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});",
				element);
		waitUntil(ExpectedConditions.elementToBeClickable(element), "clickable " + element).click();
	}

	// ---- evidence

	/** Saves a PNG of the visible page as {@code target/screenshots/<name>.png}. */
	public Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path target = SCREENSHOTS.resolve(name.replaceAll("[^\\w.\\-]", "_") + ".png");
			driver();
			File shot = driver.getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * The browser console's errors since the last call (scripts that failed to load or run, blocked by the content
	 * security policy, failed requests), without the browser's own request for a favicon.
	 */
	public List<String> consoleErrors() {
		return driver().manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.filter(m -> !m.contains("/favicon.ico"))
			.toList();
	}

	/** The session cookie of the logged-in browser, for fetching downloads outside it. */
	public String sessionCookie() {
		var cookie = driver().manage().getCookieNamed("JSESSIONID");
		if (cookie == null) {
			throw new IllegalStateException("the browser has no session cookie: log in first");
		}
		return "JSESSIONID=" + cookie.getValue();
	}

}
