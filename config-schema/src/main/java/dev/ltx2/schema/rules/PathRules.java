package dev.ltx2.schema.rules;

import dev.ltx2.schema.ValidationContext;
import dev.ltx2.schema.model.JobConfig;
import dev.ltx2.schema.spec.Key;
import dev.ltx2.schema.spec.PathKind;
import dev.ltx2.schema.spec.Section;
import dev.ltx2.schema.spec.ValueType;
import dev.ltx2.schema.yaml.YNode;
import dev.ltx2.schema.yaml.YNode.YList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every path key, found through its type in the schema: dataset folders must exist, sample
 * images should, model references are local paths or hub ids. Relative paths resolve against
 * the working directory, as ai-toolkit resolves them.
 */
final class PathRules implements Rule {
    /** {@code org/name} or {@code org/name/file.safetensors}, as ai-toolkit treats a non-local name_or_path. */
    private static final Pattern HUB_ID = Pattern.compile("[A-Za-z0-9][\\w.-]*/[\\w.-]+(/[\\w./-]+)?");

    @Override
    public void check(JobConfig job, RuleContext ctx) {
        visit(job.root(), ctx);
    }

    private void visit(Section section, RuleContext ctx) {
        for (Key<?> key : section.spec().keys()) {
            if (!section.isSet(key)) {
                continue;
            }
            Object value = section.get(key);
            YNode node = section.node(key);
            if (key.type() instanceof ValueType.PathType path && value instanceof String s) {
                check(path.kind(), s, node, ctx);
            } else if (key.type() instanceof ValueType.ListType<?> list && value instanceof List<?> items) {
                for (int i = 0; i < items.size(); i++) {
                    Object item = items.get(i);
                    YNode itemNode = node instanceof YList l ? l.items().get(i) : node;
                    if (list.element() instanceof ValueType.PathType path && item instanceof String s) {
                        check(path.kind(), s, itemNode, ctx);
                    } else if (item instanceof Section nested) {
                        visit(nested, ctx);
                    }
                }
            } else if (value instanceof Section nested) {
                visit(nested, ctx);
            }
        }
    }

    private static void check(PathKind kind, String value, YNode node, RuleContext ctx) {
        ValidationContext c = ctx.context();
        if (value.startsWith("~")) {
            ctx.findings().error(node.position(), node.path(), "ai-toolkit does not expand '~' in paths",
                    "write the full path");
            return;
        }
        Path p = c.resolve(value);
        if (Files.exists(p) || c.generatedLater(p)) {
            if (Files.exists(p)) {
                shape(kind, p, node, ctx);
            }
            return;
        }
        switch (kind) {
            case DIRECTORY, DIRECTORY_OR_JSON -> ctx.findings().error(node.position(), node.path(),
                    "folder not found: " + p, "check the path (relative paths start at " + c.workingDirectory() + ")");
            case FILE -> ctx.findings().error(node.position(), node.path(), "file not found: " + p, "check the path");
            case OPTIONAL_FILE -> ctx.findings().warning(node.position(), node.path(), "file not found: " + p
                    + " (this sample will fail or be skipped)", "check the path");
            case OPTIONAL_DIRECTORY -> ctx.findings().warning(node.position(), node.path(), "folder not found: " + p
                    + " (the voice report sets clips aside from the dataset instead)", "check the path");
            case MODEL -> model(value, p, node, ctx);
            case OUTPUT_DIRECTORY -> {
                // created by ai-toolkit
            }
        }
    }

    private static void model(String value, Path p, YNode node, RuleContext ctx) {
        boolean looksLocal = value.startsWith("/") || value.startsWith("./") || value.startsWith("../")
                || value.endsWith(".safetensors") && !HUB_ID.matcher(value).matches();
        if (!looksLocal && HUB_ID.matcher(value).matches()) {
            ctx.findings().warning(node.position(), node.path(), "'" + value + "' is not a local path, so ai-toolkit will "
                    + "download it from the Hugging Face hub when the job starts (this fails without network)",
                    "download the weights once and point at the local folder or file");
        } else {
            ctx.findings().error(node.position(), node.path(), "model not found: " + p, "check the path");
        }
    }

    private static void shape(PathKind kind, Path p, YNode node, RuleContext ctx) {
        switch (kind) {
            case DIRECTORY -> {
                if (!Files.isDirectory(p)) {
                    ctx.findings().error(node.position(), node.path(), "not a folder: " + p, "point at the folder");
                }
            }
            case OPTIONAL_DIRECTORY -> {
                if (!Files.isDirectory(p)) {
                    ctx.findings().warning(node.position(), node.path(), "not a folder: " + p
                            + " (the voice report sets clips aside from the dataset instead)", "point at the folder");
                }
            }
            case DIRECTORY_OR_JSON -> {
                if (!Files.isDirectory(p) && !p.toString().endsWith(".json")) {
                    ctx.findings().error(node.position(), node.path(), "neither a folder nor a .json caption file: " + p,
                            "point at the folder or the JSON file");
                }
            }
            case FILE, OPTIONAL_FILE -> {
                if (!Files.isRegularFile(p)) {
                    ctx.findings().error(node.position(), node.path(), "not a file: " + p, "point at the file");
                }
            }
            case OUTPUT_DIRECTORY -> {
                if (!Files.isDirectory(p)) {
                    ctx.findings().error(node.position(), node.path(), "exists and is not a folder: " + p,
                            "choose another folder");
                }
            }
            case MODEL -> {
                // a folder (diffusers layout) or a file (.safetensors) are both loadable
            }
        }
    }
}
