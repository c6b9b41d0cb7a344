package dev.ltx2.orchestrator.fork;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ltx2.orchestrator.core.Failure;
import dev.ltx2.orchestrator.core.Result;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code patches/sop-items.yaml}: every SOP item's status, patches, tests and evidence. */
public record SopItems(List<Item> items, List<InfraPatch> infrastructure) {
    public static final String FILE_NAME = "sop-items.yaml";
    public static final List<String> STATUSES = List.of("patched", "upstream", "superseded", "pending");

    public record Item(String id, String title, String status, List<String> patches, List<String> tests, String evidence) {
        public boolean done() {
            return !status.equals("pending");
        }
    }

    public record InfraPatch(String patch, List<String> tests) {}

    public static Result<SopItems> load(Path patchesDir) {
        Path file = patchesDir.resolve(FILE_NAME);
        try {
            JsonNode root = new YAMLMapper().readTree(file.toFile());
            List<Item> items = new ArrayList<>();
            for (JsonNode n : root.path("items")) {
                items.add(new Item(n.path("id").asText(), n.path("title").asText(), n.path("status").asText(),
                        strings(n.path("patches")), strings(n.path("tests")), n.path("evidence").asText()));
            }
            List<InfraPatch> infra = new ArrayList<>();
            for (JsonNode n : root.path("infrastructure")) {
                infra.add(new InfraPatch(n.path("patch").asText(), strings(n.path("tests"))));
            }
            return Result.ok(new SopItems(List.copyOf(items), List.copyOf(infra)));
        } catch (IOException e) {
            return Result.err(Failure.environment("cannot read " + file + ": " + e.getMessage(), "restore it from git"));
        }
    }

    /** Every test id named, items first, without duplicates. */
    public List<String> allTests() {
        List<String> tests = new ArrayList<>();
        items.forEach(i -> i.tests().forEach(t -> { if (!tests.contains(t)) tests.add(t); }));
        infrastructure.forEach(i -> i.tests().forEach(t -> { if (!tests.contains(t)) tests.add(t); }));
        return tests;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }
}
