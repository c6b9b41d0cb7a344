package dev.ltx2.schema.rules;

import dev.ltx2.schema.model.JobConfig;
import dev.ltx2.schema.model.LoggingConfig;
import dev.ltx2.schema.model.ProcessConfig;
import dev.ltx2.schema.model.SaveConfig;
import dev.ltx2.schema.spec.Section;
import java.util.regex.Pattern;

/** The job as a whole: its name, its processes, and options that need what this setup lacks. */
final class JobRules implements Rule {
    /** The name becomes a folder and is pasted raw into ai-toolkit's JSON for [name]. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._+-]*");

    @Override
    public void check(JobConfig job, RuleContext ctx) {
        if (job.config() == null) {
            return;
        }
        String name = job.name();
        if (name != null && (!SAFE_NAME.matcher(name).matches() || name.equals(".") || name.equals(".."))) {
            ctx.error(job.config(), JobConfig.NAME, "the name '" + name + "' is not usable: it names the output folder "
                    + "and ai-toolkit pastes it into its JSON for [name], so '/', '\\', quotes and control characters break it",
                    "use letters, digits, spaces, '.', '_', '+' or '-' (starting with a letter or digit)");
        }
        if (job.processes().size() > 1) {
            ctx.warning(job.config(), JobConfig.PROCESS, "ai-toolkit runs the " + job.processes().size()
                    + " processes one after another; the orchestrator's progress, resume and outputs follow process[0] only",
                    "use one job file per training run");
        }
        for (ProcessConfig p : job.processes()) {
            Section s = p.section();
            if (p.network() == null) {
                ctx.warning(s, ProcessConfig.NETWORK, "no network section: ai-toolkit would fine-tune the whole 19-22B "
                        + "transformer instead of training a LoRA", "add network: {type: lora, linear: 32, linear_alpha: 32}");
            }
            if (s.isSet(ProcessConfig.DECORATOR)) {
                ctx.error(s, ProcessConfig.DECORATOR, "decorators are Flux-only; ai-toolkit raises for LTX-2", "remove it");
            }
            Section save = p.save().section();
            if (save.get(SaveConfig.PUSH_TO_HUB) && save.get(SaveConfig.HF_REPO_ID) == null) {
                ctx.error(save, SaveConfig.PUSH_TO_HUB, "push_to_hub needs hf_repo_id", "set hf_repo_id: user/repo");
            }
            Section logging = p.logging().section();
            if (logging.get(LoggingConfig.USE_WANDB)) {
                ctx.error(logging, LoggingConfig.USE_WANDB, "wandb is not installed in the locked environment, so "
                        + "ai-toolkit fails when it creates the logger", "set use_wandb: false (losses still go to the console "
                        + "and the orchestrator's loss log)");
            }
        }
    }
}
