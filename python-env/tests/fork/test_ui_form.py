"""The web UI patches (0900-0902) in the materialised fork, read from its sources.

What a person sees is proven in a browser by integration-tests/ui (docs/ui.md); these tests
tie the form to the trainer: its LTX-2 defaults are the trainer's defaults (auto-balance aside,
SOP item Z), every field it adds has a docs entry, and the offline-build changes are in place.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ltx2_character.audio.options import AudioTrainingOptions, TIMESTEP_DISTRIBUTIONS, VOICE_PRESERVATION_MODES

LTX2_ARCHS = ("ltx2", "ltx2.3", "ltx2.5")
NEW_JOB = Path("ui/src/app/jobs/new")


def read(fork: Path, path: str | Path) -> str:
    return (fork / path).read_text(encoding="utf-8")


def ui_defaults(fork: Path) -> dict[str, object]:
    """ltx2CharacterDefaults: 'config.process[0].<key>': [selected, unselected] -> {key: selected}."""
    text = read(fork, NEW_JOB / "ltx2CharacterOptions.ts")
    pairs = re.findall(r"'config\.process\[0\]\.([\w.]+)':\s*\[\s*([^,\]]+|\{[^}]*\})\s*,", text)
    assert pairs, "no defaults found in ltx2CharacterOptions.ts"
    return {key: json.loads(value.replace("'", '"')) for key, value in pairs}


def arch_block(options: str, arch: str) -> str:
    start = options.index(f"name: '{arch}',")
    return options[start:options.index("\n  },\n", start)]


def test_ui_builds_without_downloads_outside_npm(fork):
    ui = fork / "ui"
    package = json.loads(read(fork, "ui/package.json"))["dependencies"]
    assert package["prisma"] == package["@prisma/client"] == package["@prisma/adapter-better-sqlite3"] == "6.19.3"
    assert "@fontsource-variable/inter" in package
    assert re.search(r'engineType\s*=\s*"client"', read(fork, "ui/prisma/schema.prisma"))
    config = read(fork, "ui/prisma.config.ts")
    assert "engine: 'js'" in config and "PrismaBetterSQLite3" in config
    for client in ("ui/src/server/prisma.ts", "ui/cron/prisma.ts"):
        assert "new PrismaClient({ adapter: sqliteAdapter() })" in read(fork, client)
    assert "next/font/google" not in read(fork, "ui/src/app/layout.tsx")
    lock = json.loads((ui / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"]["node_modules/prisma"]["version"] == "6.19.3"


def test_jobs_save_without_gpus(fork):
    assert "body.gpu_ids ?? 'cpu'" in read(fork, "ui/src/app/api/jobs/route.ts")


def test_every_ltx2_arch_gets_the_defaults_and_the_card(fork):
    options = read(fork, NEW_JOB / "options.tsx")
    for arch in LTX2_ARCHS:
        block = arch_block(options, arch)
        assert "...ltx2CharacterDefaults," in block, arch
        assert "'ltx2.character'," in block, arch
    assert "<Ltx2CharacterCard " in read(fork, NEW_JOB / "SimpleJob.tsx")


def test_the_forms_audio_defaults_are_the_trainers_except_auto_balance(fork):
    defaults = ui_defaults(fork)
    trainer = AudioTrainingOptions()
    for key in ("independent_audio_timestep", "audio_timestep_distribution", "auto_balance_audio_target_ratio",
                "auto_balance_audio_min", "auto_balance_audio_max", "strict_audio_mode",
                "strict_audio_min_supervised_ratio", "strict_audio_warmup_steps", "voice_preservation",
                "voice_preservation_weight", "train_connectors"):
        assert defaults[f"train.{key}"] == getattr(trainer, key), key
    # Z: the UI turns auto-balance on for LTX-2; the trainer's own default stays off
    assert defaults["train.auto_balance_audio_loss"] is True and trainer.auto_balance_audio_loss is False


def test_the_forms_other_sop_defaults(fork):
    defaults = ui_defaults(fork)
    assert defaults["network.type"] == "lora"  # O
    assert defaults["network.linear"] == defaults["network.linear_alpha"] == 32  # N
    assert defaults["network.rank_dropout"] == 0.1 and defaults["network.module_dropout"] == 0.0  # M, N
    assert defaults["train.noise_offset"] == 0.05  # T
    assert defaults["train.min_snr_gamma"] == 5.0  # S
    assert defaults["train.lr_scheduler"] == "constant_with_warmup"  # V
    assert defaults["train.lr_scheduler_params"] == {}  # warmup: the trainer's 5% of the steps


@pytest.mark.parametrize("options, allowed", [
    ("voicePreservationOptions", VOICE_PRESERVATION_MODES),
    ("audioTimestepDistributionOptions", TIMESTEP_DISTRIBUTIONS),
])
def test_select_values_are_ones_the_trainer_accepts(fork, options, allowed):
    text = read(fork, NEW_JOB / "ltx2CharacterOptions.ts")
    block = text[text.index(f"export const {options}"):]
    block = block[:block.index("];")]
    values = re.findall(r"value: '([\w.]+)'", block)
    assert sorted(values) == sorted(allowed)


def test_every_field_the_patch_adds_has_a_docs_entry(fork):
    card = read(fork, NEW_JOB / "Ltx2CharacterCard.tsx")
    simple_job = read(fork, NEW_JOB / "SimpleJob.tsx")
    keys = set(re.findall(r'docKey="([\w.\[\]]+)"', card))
    keys |= {"network.type", "network.linear", "train.optimizer"} & set(re.findall(r'docKey="([\w.]+)"', simple_job))
    assert len(keys) >= 20
    docs = read(fork, "ui/src/ltx2CharacterDocs.tsx")
    documented = set(re.findall(r"^  '([\w.\[\]]+)': \{", docs, flags=re.MULTILINE))
    assert keys <= documented, sorted(keys - documented)
    assert "...ltx2CharacterDocs," in read(fork, "ui/src/docs.tsx")
