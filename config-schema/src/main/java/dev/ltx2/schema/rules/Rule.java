package dev.ltx2.schema.rules;

import dev.ltx2.schema.model.JobConfig;

/** One group of semantic checks over a bound job; reports through the context, never throws. */
public interface Rule {
    void check(JobConfig job, RuleContext ctx);
}
