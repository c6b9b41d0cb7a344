package dev.ltx2.schema;

import dev.ltx2.schema.model.JobConfig;
import dev.ltx2.schema.model.ProcessConfig;
import dev.ltx2.schema.rules.RuleContext;
import dev.ltx2.schema.rules.Rules;
import dev.ltx2.schema.spec.Binder;
import dev.ltx2.schema.spec.Section;
import dev.ltx2.schema.yaml.JsonTree;
import dev.ltx2.schema.yaml.NameTags;
import dev.ltx2.schema.yaml.Position;
import dev.ltx2.schema.yaml.SafeYamlReader;
import dev.ltx2.schema.yaml.SourceText;
import dev.ltx2.schema.yaml.YNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Validates an ai-toolkit job config for LTX-2 before any GPU time: reads it as ai-toolkit
 * does ({@code ${VAR}}, YAML 1.1, {@code [name]}), binds it to the schema, then runs the LTX-2
 * rules. Every problem comes back as a {@link Diagnostic} with line and column; no input makes
 * it throw.
 */
public final class ConfigValidator {
    private ConfigValidator() {}

    public static ValidationReport validate(Path file, ValidationContext context) {
        Findings findings = new Findings(file);
        try {
            return run(file, context, findings);
        } catch (RuntimeException | StackOverflowError e) {
            findings.error(Position.START, "", "internal validator error: " + e, "report this with the config file");
            return new ValidationReport(file, findings.sorted(), Optional.empty(), Optional.empty());
        }
    }

    private static ValidationReport run(Path file, ValidationContext context, Findings findings) {
        Optional<String> text = SafeYamlReader.readText(file, findings);
        if (text.isEmpty()) {
            return stop(file, findings);
        }
        SourceText source = SourceText.substitute(text.get(), context.env(), findings);
        if (findings.hasErrors()) {
            return stop(file, findings);
        }
        Optional<YNode> parsed = SafeYamlReader.parse(source, findings);
        if (parsed.isEmpty()) {
            return stop(file, findings);
        }
        YNode tree = NameTags.apply(parsed.get(), NameTags.jobName(parsed.get()));
        Binder binder = new Binder(findings, JobConfig.ALL_SECTIONS);
        Section root = binder.bind(JobConfig.ROOT_SPEC, tree);
        JobConfig job = typed(root);
        RuleContext ruleContext = new RuleContext(findings, context);
        Rules.ALL.forEach(rule -> rule.check(job, ruleContext));
        Optional<ResolvedConfig> resolved = findings.hasErrors()
                ? Optional.empty() : Optional.of(new ResolvedConfig(file, JsonTree.of(tree)));
        return new ValidationReport(file, findings.sorted(), resolved, Optional.of(job));
    }

    private static JobConfig typed(Section root) {
        Section config = root.get(JobConfig.CONFIG);
        List<ProcessConfig> processes = config == null ? List.of()
                : config.get(JobConfig.PROCESS).stream().map(ProcessConfig::of).toList();
        return new JobConfig(root, config, processes);
    }

    private static ValidationReport stop(Path file, Findings findings) {
        return new ValidationReport(file, findings.sorted(), Optional.empty(), Optional.empty());
    }
}
