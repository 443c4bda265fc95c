package dev.occam.cli;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code occam convert}: text and JSON output, the shorthand parameters, and one-line errors with status 2. */
class ConvertCliTest {

    @Test
    void logisticToGlmnet() {
        CliRun r = CliRun.of("convert", "--from", "sklearn-logistic", "--C", "0.5", "--n", "569", "--to", "glmnet").ok();
        assertThat(r.out()).contains(
                "from       LogisticRegression(C=0.5, penalty='l2', solver='lbfgs')   [sklearn-logistic]",
                "canonical  lambda = 0.0035149384885764497, alpha = 0, standardize off, loss binomial",
                "to         glmnet(x, y, family = \"binomial\", alpha = 0, lambda = 0.0035149384885764497, standardize = FALSE)   [glmnet]",
                "exact      yes",
                "why        LogisticRegression minimizes C·Σs·ℓ + r(w)");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void paramOptionEqualsShorthand() {
        String a = CliRun.of("convert", "--from", "sklearn-elasticnet", "--param", "alpha=0.3", "-p", "l1_ratio=0.2").ok().out();
        String b = CliRun.of("convert", "--from", "sklearn-elasticnet", "--alpha", "0.3", "--l1-ratio=0.2").ok().out();
        assertThat(a).isEqualTo(b).contains("lambda = 0.3, alpha = 0.2");
    }

    @Test
    void jsonForMachines() {
        String out = CliRun.of("convert", "--from", "glmnet", "--lambda", "1", "--alpha", "0.5", "--sd-y", "2", "--to", "sklearn", "--json").ok().out();
        JsonNode j = JsonMapper.builder().build().readTree(out);
        assertThat(j.get("from").get("setting").asString()).isEqualTo("glmnet");
        assertThat(j.get("context").get("sd_y").asDouble()).isEqualTo(2.0);
        assertThat(j.get("canonical").get("parameters").get("lambda").asDouble()).isEqualTo(0.75);
        assertThat(j.get("to").get("setting").asString()).isEqualTo("sklearn-elasticnet");
        assertThat(j.get("to").get("parameters").get("alpha").asDouble()).isEqualTo(0.75);
        assertThat(j.get("status").asString()).isEqualTo("EXACT_IF");
        assertThat(j.get("condition").asString()).contains("standardized beforehand");
        assertThat(j.get("to").get("explanation")).hasSize(2);
    }

    @Test
    void adamWSaysThereIsNoEquivalent() {
        CliRun r = CliRun.of("convert", "--from", "torch-adamw", "--weight_decay", "0.01", "--lr", "0.001", "--to", "torch-adam").ok();
        assertThat(r.out()).contains("exact      no: there is no equivalent setting", "no exact penalty equivalent",
                "under plain SGD the same decay would equal λ = 0.01");
        String json = CliRun.of("convert", "--from", "torch-adamw", "--json").ok().out();
        assertThat(JsonMapper.builder().build().readTree(json).get("status").asString()).isEqualTo("NONE");
    }

    @Test
    void toAllListsEverySetting() {
        String out = CliRun.of("convert", "--from", "keras", "--l2", "0.01", "--to", "all", "--n", "600", "--batch-size", "200", "--lr", "0.01").ok().out();
        assertThat(out).contains("glmnet: ", "sklearn-ridge: Ridge(alpha=12)", "torch-sgd: torch.optim.SGD(params, lr=η, weight_decay=0.02)",
                "torch-adamw: ", "smile-ridge: ", "spark-logistic: ");
        String json = CliRun.of("convert", "--from", "keras", "--l2", "0.01", "--to", "all", "--n", "600", "--batch-size", "200", "--lr", "0.01", "--json").ok().out();
        assertThat(JsonMapper.builder().build().readTree(json).get("conversions").size()).isEqualTo(20);
    }

    @Test
    void listShowsParametersAndDefaults() {
        String out = CliRun.of("convert", "--list").ok().out();
        assertThat(out).contains("sklearn-logistic", "--C (default 1.0)", "smile-elasticnet", "--lambda1 (required)", "torch-adamw", "--weight_decay (default 0.01)");
    }

    @Test
    void badInputIsOneLineWithStatus2() {
        assertThat(CliRun.of("convert", "--from", "sklearn-logistic", "--C", "-1", "--n", "569").userError()).isEqualTo("C must be > 0; got -1");
        assertThat(CliRun.of("convert", "--from", "sklearn-logistic", "--C", "0.5").userError())
                .isEqualTo("sklearn-logistic needs the sum of sample weights, or n for unit weights (--sum-weights or --n)");
        assertThat(CliRun.of("convert", "--from", "sklearn-logistic", "--lamda", "1").userError())
                .isEqualTo("sklearn-logistic has no parameter 'lamda'; its parameters: C, penalty, l1_ratio, solver; context options: --n, --sum-weights, --sd-y, --batch-size, --lr");
        assertThat(CliRun.of("convert", "--from", "sklearn-logistc").userError()).startsWith("unknown setting 'sklearn-logistc'; known: canonical, glmnet");
        assertThat(CliRun.of("convert", "--from", "glmnet", "--lambda", "0.1", "0.2").userError()).startsWith("unexpected argument '0.2'");
        assertThat(CliRun.of("convert", "--from", "glmnet", "--lambda").userError()).isEqualTo("--lambda needs a value");
        assertThat(CliRun.of("convert", "--from", "glmnet", "--param", "lambda").userError()).isEqualTo("--param must be NAME=VALUE; got 'lambda'");
        assertThat(CliRun.of("convert", "--from", "glmnet", "--lambda", "x").userError()).isEqualTo("glmnet: lambda must be a number; got 'x'");
        assertThat(CliRun.of("convert", "--from", "glmnet", "--lambda", "1", "--to", "nowhere").userError()).startsWith("unknown setting 'nowhere'");
        assertThat(CliRun.of("convert", "--from", "glmnet", "--lambda", "1", "--n", "0").userError()).isEqualTo("n must be >= 1; got 0");
        assertThat(CliRun.of("convert", "--from", "glmnet", "--lambda", "1", "--sd-y", "-2").userError())
                .isEqualTo("the standard deviation of y must be finite and > 0; got -2.0");
        assertThat(CliRun.of("convert", "--from", "glmnet", "--lambda", "1", "--param", "lambda=2").userError()).isEqualTo("parameter lambda is given twice");
        assertThat(CliRun.of("convert").userError()).isEqualTo("missing --from SETTING (see occam convert --list)");
        assertThat(CliRun.of("convert", "--from", "tfa-weight-decay", "--weight_decay", "1e-4").userError())
                .isEqualTo("tfa-weight-decay (its decay is not multiplied by the learning rate) needs the learning rate (--lr)");
    }

    @Test
    void helpNamesTheOptions() {
        String help = CliRun.of("convert", "--help").ok().out();
        assertThat(help).contains("--from", "--param", "--to", "--n", "--sum-weights", "--sd-y", "--batch-size", "--lr", "--json", "--list");
        assertThat(CliRun.of("--help").ok().out()).contains("convert");
    }
}
