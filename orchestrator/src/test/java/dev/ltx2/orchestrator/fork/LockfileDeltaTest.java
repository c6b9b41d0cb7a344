package dev.ltx2.orchestrator.fork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class LockfileDeltaTest {
    /** A lockfile in npm's layout; npm's order is no plain sort ("string_decoder" before "string-width"). */
    static final String UPSTREAM = """
            {
              "name": "ui",
              "lockfileVersion": 3,
              "requires": true,
              "packages": {
                "": {
                  "name": "ui",
                  "dependencies": {
                    "@prisma/client": "^6.3.1",
                    "next": "^15.5.9"
                  }
                },
                "node_modules/@prisma/client": {
                  "version": "6.3.1",
                  "hasInstallScript": true
                },
                "node_modules/next": {
                  "version": "15.5.9",
                  "bin": {
                    "next": "dist/bin/next"
                  },
                  "funding": [],
                  "os": [
                    "darwin"
                  ]
                },
                "node_modules/old": {
                  "version": "1.0.0"
                },
                "node_modules/string_decoder": {
                  "version": "1.3.0"
                },
                "node_modules/string-width": {
                  "version": "4.2.3"
                }
              }
            }
            """;

    static final String OURS = """
            {
              "name": "ui",
              "lockfileVersion": 3,
              "requires": true,
              "packages": {
                "": {
                  "name": "ui",
                  "dependencies": {
                    "@fontsource-variable/inter": "5.3.0",
                    "@prisma/client": "6.19.3",
                    "next": "^15.5.9"
                  }
                },
                "node_modules/@fontsource-variable/inter": {
                  "version": "5.3.0",
                  "integrity": "sha512-x\\"y"
                },
                "node_modules/@prisma/client": {
                  "version": "6.19.3",
                  "peerDependencies": {}
                },
                "node_modules/next": {
                  "version": "15.5.9",
                  "bin": {
                    "next": "dist/bin/next"
                  },
                  "funding": [],
                  "os": [
                    "darwin"
                  ]
                },
                "node_modules/string_decoder": {
                  "version": "1.3.0"
                },
                "node_modules/string_decoder/node_modules/x": {
                  "version": "2.0.0"
                },
                "node_modules/string-width": {
                  "version": "4.2.3"
                }
              }
            }
            """;

    private static JsonNode json(String text) throws LockfileDelta.DeltaException {
        return LockfileDelta.read(text);
    }

    @Test
    void rendersAsNpmDoes() throws Exception {
        assertThat(LockfileDelta.render(json(UPSTREAM))).isEqualTo(UPSTREAM);
        assertThat(LockfileDelta.render(json(OURS))).isEqualTo(OURS);
        assertThat(LockfileDelta.render(json("{\"a\":\"\\u0001\\n\\u00e9\",\"b\":[1,true,null]}")))
                .isEqualTo("{\n  \"a\": \"\\u0001\\né\",\n  \"b\": [\n    1,\n    true,\n    null\n  ]\n}\n");
    }

    @Test
    void theDeltaHoldsOnlyOurEntriesAndRebuildsOursByteForByte() throws Exception {
        LockfileDelta delta = LockfileDelta.between(json(UPSTREAM), json(OURS));
        assertThat(delta.changes()).extracting(c -> c.kind() + " " + String.join("|", c.path())).containsExactly(
                "REMOVE packages|node_modules/old",
                "ADD packages||dependencies|@fontsource-variable/inter",
                "REPLACE packages||dependencies|@prisma/client",
                "ADD packages|node_modules/@fontsource-variable/inter",
                "REPLACE packages|node_modules/@prisma/client",
                "ADD packages|node_modules/string_decoder/node_modules/x");
        assertThat(delta.changes().get(0).was()).isEqualTo("1.0.0");
        assertThat(delta.changes().get(1).after()).isNull();
        assertThat(delta.changes().get(2).was()).isEqualTo("^6.3.1");
        assertThat(delta.changes().get(3).after()).isEqualTo("");
        assertThat(delta.changes().get(4).was()).isEqualTo("6.3.1");
        assertThat(delta.changes().get(5).after()).isEqualTo("node_modules/string_decoder");

        String text = delta.toJson();
        assertThat(text).doesNotContain("node_modules/next").doesNotContain("string-width");
        LockfileDelta read = LockfileDelta.parse(text);
        assertThat(read).isEqualTo(delta);
        assertThat(LockfileDelta.render(read.applyTo(json(UPSTREAM)))).isEqualTo(OURS);
    }

    @Test
    void aDependencyUpstreamAddsSurvivesTheDelta() throws Exception {
        LockfileDelta delta = LockfileDelta.between(json(UPSTREAM), json(OURS));
        JsonNode moved = json(UPSTREAM.replace("\"next\": \"^15.5.9\"", "\"next\": \"^15.5.9\",\n        \"zod\": \"^3\""));
        JsonNode result = delta.applyTo(moved);
        assertThat(result.at("/packages//dependencies/zod").asText()).isEqualTo("^3");
        assertThat(result.at("/packages//dependencies/@prisma~1client").asText()).isEqualTo("6.19.3");
    }

    @Test
    void aDeltaMadeAgainstAnotherUpstreamNamesThePlace() throws Exception {
        LockfileDelta delta = LockfileDelta.between(json(UPSTREAM), json(OURS));
        JsonNode bumped = json(UPSTREAM.replace("\"version\": \"6.3.1\"", "\"version\": \"6.4.0\""));
        assertThatThrownBy(() -> delta.applyTo(bumped)).isInstanceOf(LockfileDelta.DeltaException.class)
                .hasMessageContaining("packages > node_modules/@prisma/client: upstream's lockfile has 6.4.0, the delta was made against 6.3.1");
        JsonNode noAnchor = json(UPSTREAM.replace("node_modules/string_decoder", "node_modules/sd"));
        assertThatThrownBy(() -> delta.applyTo(noAnchor))
                .hasMessageContaining("the key it follows, node_modules/string_decoder, is not in upstream's lockfile");
        assertThatThrownBy(() -> delta.applyTo(json(OURS))).hasMessageContaining("packages > node_modules/old: upstream's lockfile lacks it");
        JsonNode already = json(UPSTREAM.replace("\"next\": \"^15.5.9\"", "\"next\": \"^15.5.9\",\n        \"@fontsource-variable/inter\": \"5\""));
        assertThatThrownBy(() -> delta.applyTo(already))
                .hasMessageContaining("packages > \"\" > dependencies > @fontsource-variable/inter: upstream's lockfile has it already");
    }

    @Test
    void malformedDeltasAreRejectedWithTheChangeNumber() {
        assertThatThrownBy(() -> LockfileDelta.parse("{\"changes\": [{\"path\": [\"a\"], \"add\": 1}]}"))
                .hasMessageContaining("change 1: an \"add\" names the key it follows");
        assertThatThrownBy(() -> LockfileDelta.parse("{\"changes\": [{\"path\": [\"a\"], \"remove\": true, \"replace\": 1}]}"))
                .hasMessageContaining("exactly one of");
        assertThatThrownBy(() -> LockfileDelta.parse("{\"changes\": [{\"path\": [], \"remove\": true}]}"))
                .hasMessageContaining("non-empty list");
        assertThatThrownBy(() -> LockfileDelta.parse("[]")).hasMessageContaining("\"changes\"");
    }

    @Test
    void targetOfADeltaFile() {
        assertThat(LockfileDeltas.target("ui/package-lock.delta.json")).isEqualTo("ui/package-lock.json");
        assertThat(List.of(LockfileDeltas.SUFFIX)).containsExactly(".delta.json");
    }
}
