package io.agiledunning.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.junit.jupiter.api.Assertions.assertFalse;

class ChartLintTest {

    static final java.util.List<String> CHARTS = Charts.ALL;

    @ParameterizedTest(name = "helm lint --strict {0}")
    @FieldSource("CHARTS")
    void lints(String chart) {
        LintResult result = new Helm(Charts.chart(chart)).lint().strict().call();
        assertFalse(result.isFailed(), () -> chart + " fails lint:\n  " + String.join("\n  ", result.getMessages()));
    }
}
