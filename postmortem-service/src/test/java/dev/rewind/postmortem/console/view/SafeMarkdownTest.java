package dev.rewind.postmortem.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Post-mortem Markdown rendered as HTML that cannot run script or carry unsafe URLs. */
class SafeMarkdownTest {

    @Test
    void aScriptBlockIsEscapedNotPassedThrough() {
        String html = SafeMarkdown.html("<script>alert(1)</script>");

        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void inlineHtmlWithAnEventHandlerIsEscapedNotPassedThrough() {
        String html = SafeMarkdown.html("Pool ran dry <img src=x onerror=alert(1)> at 14:25");

        assertThat(html).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void aJavascriptLinkKeepsItsTextButLosesItsUrl() {
        String html = SafeMarkdown.html("[x](javascript:alert(1))");

        assertThat(html).contains(">x</a>").doesNotContainIgnoringCase("javascript");
    }

    @Test
    void aJavascriptLinkInAnyCaseOrAsAnAutolinkOrReferenceLosesItsUrl() {
        assertThat(SafeMarkdown.html("[x](JavaScript:alert(1))")).doesNotContainIgnoringCase("javascript:");
        assertThat(SafeMarkdown.html("<javascript:alert(1)>")).doesNotContain("href=\"javascript:");
        assertThat(SafeMarkdown.html("[x][evil]\n\n[evil]: javascript:alert(1)"))
                .doesNotContainIgnoringCase("javascript");
        assertThat(SafeMarkdown.html("[x](javascript&#58;alert(1))")).doesNotContain("href=\"javascript");
    }

    @Test
    void dataUrlsAreRemovedFromLinksAndImages() {
        String link = SafeMarkdown.html("[open](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)");
        String image = SafeMarkdown.html("![graph](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)");

        assertThat(link).contains(">open</a>").doesNotContain("data:");
        assertThat(image).contains(">graph</a>").doesNotContain("data:").doesNotContain("<img");
    }

    @Test
    void httpHttpsAndMailtoUrlsAreKept() {
        assertThat(SafeMarkdown.html("[dashboard](http://grafana.local/d/checkout)"))
                .contains("href=\"http://grafana.local/d/checkout\"", ">dashboard</a>");
        assertThat(SafeMarkdown.html("[runbook](https://wiki.example.com/runbooks?id=1&x=2)"))
                .contains("href=\"https://wiki.example.com/runbooks?id=1&amp;x=2\"", ">runbook</a>");
        assertThat(SafeMarkdown.html("[on-call](mailto:oncall@example.com)"))
                .contains("href=\"mailto:oncall@example.com\"", ">on-call</a>");
    }

    @Test
    void anImageIsShownAsALinkToItSoThatNoReaderFetchesItUnasked() {
        assertThat(SafeMarkdown.html("![graph](https://grafana.example.com/render/panel.png)"))
                .contains("href=\"https://grafana.example.com/render/panel.png\"", ">graph</a>")
                .doesNotContain("<img");
        assertThat(SafeMarkdown.html("![](https://grafana.example.com/p.png)"))
                .contains(">https://grafana.example.com/p.png</a>").doesNotContain("<img");
    }

    @Test
    void ordinaryMarkdownIsRendered() {
        assertThat(SafeMarkdown.html("## Root Cause\n\n- **pool** exhaustion\n"))
                .isEqualTo("<h2>Root Cause</h2>\n<ul>\n<li><strong>pool</strong> exhaustion</li>\n</ul>\n");
    }

    @Test
    void aGithubStyleTableIsRenderedAsATable() {
        String html = SafeMarkdown.html("| Step | At |\n|------|----|\n| Detected | 14:25 |\n| Approved | 14:27 |\n");

        assertThat(html).contains("<table>", "<th>Step</th>", "<th>At</th>", "<td>Detected</td>", "<td>14:27</td>",
                "</table>");
    }

    @Test
    void noMarkdownIsNoHtml() {
        assertThat(SafeMarkdown.html(null)).isEmpty();
        assertThat(SafeMarkdown.html("")).isEmpty();
    }
}
