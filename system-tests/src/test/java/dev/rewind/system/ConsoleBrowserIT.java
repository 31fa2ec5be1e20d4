package dev.rewind.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rewind.events.TargetKey;
import dev.rewind.platform.testing.PublishedEvents;
import dev.rewind.platform.testing.TestTokens;
import dev.rewind.system.console.Browser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console in Debian's Chromium, against the five packaged services: the live list, an incident's page, an
 * approval and a rejection, on a desktop and on a phone. Screenshots go to {@code target/console-screenshots}.
 */
class ConsoleBrowserIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static RewindSystem rewind;

    @BeforeAll
    static void start() {
        Browser.require();
        rewind = RewindSystem.start(); // with the console's development sign-in, as every system test's
    }

    @AfterAll
    static void stop() {
        if (rewind != null) {
            rewind.close();
        }
    }

    @Test
    void aNewIncidentAppearsInTheLiveListWithoutReloadingWithItsDeadline() {
        try (Browser browser = Browser.desktop()) {
            signIn(browser, "olivia", "oncall");
            TargetKey target = PublishedEvents.uniqueTarget("production");
            // the tests' database holds many incidents: show only the coming one, which the feed must then bring
            browser.find(By.name("service")).sendKeys(target.service());
            browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("rows"), "No incidents match"));
            browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("live-state"), "Live:"));
            rewind.deployTwoReleases(target);
            rewind.postAlert(target).then().statusCode(202);

            // each later event of the incident re-renders its row: look the row up each time, never hold it
            String row = "//tbody[@id='rows']/tr[contains(., '" + target + "')]";
            browser.await(ExpectedConditions.visibilityOfElementLocated(By.xpath(row)));
            browser.await(ExpectedConditions.textToBePresentInElementLocated(By.xpath(row), "P1"));
            browser.await(ExpectedConditions.presenceOfElementLocated(
                    By.xpath(row + "//span[contains(@class, 'deadline') and @data-due and contains(., 'left')]")));
            browser.await(ExpectedConditions.textToBePresentInElementLocated(By.xpath(row), "awaiting approval"));
            browser.screenshot("incidents-live");

            browser.find(By.name("severity")).sendKeys("P0");
            browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("rows"), "No incidents match"));
        }
    }

    @Test
    void anOnCallEngineerApprovesInTheConsoleAndTheIncidentPageShowsTheRollback() {
        TargetKey target = PublishedEvents.uniqueTarget("production");
        rewind.deployTwoReleases(target);
        rewind.postAlert(target).then().statusCode(202);
        await().atMost(PATIENCE).until(() -> "AWAITING_APPROVAL".equals(status(target)));

        try (Browser browser = Browser.desktop()) {
            signIn(browser, "olivia", "oncall");
            browser.open(rewind.url("postmortem-service") + "/console/approvals");
            WebElement card = card(browser, target);
            assertThat(card.getText()).contains("Incident", "needs", "approve within");
            browser.screenshot("approvals");
            card.findElement(By.name("reason")).sendKeys("5xx confirmed on the dashboard");
            card.findElement(By.xpath(".//button[contains(., 'Approve the rollback')]")).click();
            browser.await(ExpectedConditions.textToBePresentInElementLocated(cardLocator(target),
                    "Approved: the request is now approved"));
            browser.screenshot("approval-approved");

            await().atMost(PATIENCE).until(() -> "ROLLED_BACK".equals(status(target)));
            // the rows re-render as the incident's last events arrive: open its page by its link's address
            browser.open(rewind.url("postmortem-service") + "/console/incidents/" + latest(target).get("number"));
            browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("incident-status"), "rolled back"));
            String page = browser.find(By.tagName("main")).getText();
            assertThat(page).contains("opened", "approved", "started", "succeeded", "Approved by olivia",
                    "v1.3.0 → v1.2.5", "Post-mortem");
            browser.screenshot("incident");
        }
        try (Browser phone = Browser.phone()) {
            signIn(phone, "olivia", "oncall");
            phone.open(rewind.url("postmortem-service") + "/console?service=" + target.service());
            phone.await(ExpectedConditions.textToBePresentInElementLocated(By.id("rows"), target.toString()));
            phone.screenshot("phone-incidents");
            phone.open(rewind.url("postmortem-service") + "/console/incidents/" + latest(target).get("number"));
            phone.await(ExpectedConditions.textToBePresentInElementLocated(By.id("incident-status"), "rolled back"));
            phone.screenshot("phone-incident");
        }
    }

    @Test
    void aRejectionNeedsAReasonAndEndsTheRequestWithoutARollback() {
        TargetKey target = PublishedEvents.uniqueTarget("production");
        rewind.deployTwoReleases(target);
        rewind.postAlert(target).then().statusCode(202);
        await().atMost(PATIENCE).until(() -> "AWAITING_APPROVAL".equals(status(target)));

        try (Browser browser = Browser.desktop()) {
            signIn(browser, "rob", "team-lead");
            browser.open(rewind.url("postmortem-service") + "/console/approvals");
            card(browser, target).findElement(By.xpath(".//button[contains(., 'Reject')]")).click();
            browser.await(ExpectedConditions.textToBePresentInElementLocated(cardLocator(target), "say why"));
            card(browser, target).findElement(By.name("reason")).sendKeys("fix forward: v1.3.1 is rolling out");
            card(browser, target).findElement(By.xpath(".//button[contains(., 'Reject')]")).click();
            browser.await(ExpectedConditions.textToBePresentInElementLocated(cardLocator(target),
                    "Rejected: the request is now rejected"));
            browser.screenshot("approval-rejected");
        }
        await().atMost(PATIENCE).until(() -> "REJECTED".equals(status(target)));
        assertThat(rewind.sandbox.deploymentPatches(target.namespace(), target.service())).isEmpty();
    }

    @Test
    void theStatisticsPageChartsRollbacksPerService() {
        try (Browser browser = Browser.desktop()) {
            signIn(browser, "vera", "viewer");
            browser.open(rewind.url("postmortem-service") + "/console/statistics");
            browser.find(By.cssSelector("h1"));
            assertThat(browser.driver().getPageSource()).contains("Statistics");
            browser.screenshot("statistics");
        }
    }

    private static void signIn(Browser browser, String name, String... roles) {
        browser.open(rewind.url("postmortem-service") + "/console");
        browser.await(ExpectedConditions.urlContains("/console/sign-in"));
        browser.find(By.id("name")).sendKeys(name);
        for (String role : roles) {
            browser.click(By.cssSelector("input[name=role][value=" + role + "]"));
        }
        browser.screenshot("sign-in");
        browser.click(By.cssSelector("button[type=submit]"));
        browser.await(ExpectedConditions.textToBe(By.id("signed-in-as"), name));
    }

    private static By cardLocator(TargetKey target) {
        return By.xpath("//article[contains(., '" + target + "')]");
    }

    private static WebElement card(Browser browser, TargetKey target) {
        return browser.await(ExpectedConditions.visibilityOfElementLocated(cardLocator(target)));
    }

    private static String status(TargetKey target) {
        return (String) latest(target).getOrDefault("status", "NONE");
    }

    /** The newest incident about {@code target}, as the API lists it; empty when there is none. */
    private static Map<String, Object> latest(TargetKey target) {
        List<Map<String, Object>> items = given().baseUri(rewind.url("postmortem-service"))
                .auth().oauth2(TestTokens.token("vera", "viewer"))
                .queryParam("environment", target.environment()).queryParam("namespace", target.namespace())
                .queryParam("service", target.service()).get("/api/v1/incidents").then().statusCode(200)
                .extract().jsonPath().getList("items");
        return items.isEmpty() ? Map.of() : items.get(0);
    }
}
