package nl.familyliaison.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/** Checks the administrators' pages share: accessible at a phone's and a desktop's width, every text translated. */
final class AdminPages {

    private AdminPages() {
    }

    /** axe-core finds nothing at 360 px and at 1280 px, nothing scrolls sideways on the phone, no text is untranslated. */
    static void checkAtBothWidths(Client client, String language) {
        List<String> problems = new ArrayList<>();
        PageChecks.expandAll(client);
        for (Dimension size : List.of(new Dimension(1280, 900), new Dimension(360, 640))) {
            client.driver().manage().window().setSize(size);
            PageChecks.accessibilityViolations(client).forEach(found -> problems.add(size.width + " px: " + found));
        }
        assertFalse(client.browser().scrollsSideways(), "scrolls sideways at 360 px");
        problems.addAll(PageChecks.untranslated(client, PageChecks.translations(language)));
        assertEquals(List.of(), problems);
    }

    /** Presses Tab until the focused element matches (at most 200 times) and answers it. */
    static WebElement tabTo(Client client, java.util.function.Predicate<WebElement> wanted) {
        for (int i = 0; i < 200; i++) {
            WebElement focused = client.driver().switchTo().activeElement();
            if (wanted.test(focused)) {
                return focused;
            }
            focused.sendKeys(org.openqa.selenium.Keys.TAB);
        }
        throw new AssertionError("nothing to reach by Tab");
    }

    /** The cells of the rows of {@code month} (yyyy-MM) in the figures table {@code name}, as shown, in order. */
    static List<String> figuresRow(Client client, String name, String month) {
        return client.driver().findElements(By.xpath(
                        "//table[@data-figures='" + name + "']//tr[th/time[@datetime='" + month + "']]")).stream()
                .flatMap(row -> row.findElements(By.tagName("td")).stream()).map(WebElement::getText).toList();
    }
}
