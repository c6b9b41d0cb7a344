"""Tooling around the fork: benchmarks, the SOP checklist, the demo's tiny models and media,
labs and experiments, probes the orchestrator runs. Nothing here runs inside a user's
training: the runtime package `ltx2_character` never imports `ltx2_tools`
(tests/test_import_rule.py)."""
