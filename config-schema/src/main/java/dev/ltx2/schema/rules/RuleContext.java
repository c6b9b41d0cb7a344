package dev.ltx2.schema.rules;

import dev.ltx2.schema.Findings;
import dev.ltx2.schema.ValidationContext;
import dev.ltx2.schema.spec.Key;
import dev.ltx2.schema.spec.Section;

/** Where rules report, with helpers that point at a key (its value when written, else its section). */
public record RuleContext(Findings findings, ValidationContext context) {

    public void error(Section section, Key<?> key, String message, String fix) {
        findings.error(section.at(key), section.pathOf(key), message, fix);
    }

    public void warning(Section section, Key<?> key, String message, String fix) {
        findings.warning(section.at(key), section.pathOf(key), message, fix);
    }
}
