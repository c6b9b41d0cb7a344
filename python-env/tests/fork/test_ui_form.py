"""The web UI patches (0900-0902) in the materialised fork, read from its sources.

What a person sees is proven in a browser by integration-tests/ui (docs/ui.md). The form's
modules are files of ours (``patches/overlay/``, copied in after the series); they read the
trainer's defaults and choices from ``ltx2CharacterKeys.ts``, generated from the config schema,
and the UI's type check in its build fails on a choice without a label. Here: the fork carries
every overlay file, committed, and the SOP's decided defaults for LTX-2 (which differ from the
trainer's on purpose) are the form's.
"""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from ltx2_character.fork_keys import TRAIN

LTX2_ARCHS = ("ltx2", "ltx2.3", "ltx2.5")
NEW_JOB = Path("ui/src/app/jobs/new")
REPO = Path(__file__).resolve().parents[3]
KEY_TABLE = "ui/src/ltx2CharacterKeys.ts"


def read(fork: Path, path: str | Path) -> str:
    return (fork / path).read_text(encoding="utf-8")


def ui_defaults(fork: Path) -> dict[str, object]:
    """The SOP's decided values in ltx2CharacterDefaults ('config.process[0].<key>': [selected, unselected])
    as {key: selected}; entries that take the trainer's default from the generated table are left out."""
    text = read(fork, NEW_JOB / "ltx2CharacterOptions.ts")
    pairs = re.findall(r"'config\.process\[0\]\.([\w.]+)':\s*\[\s*([^,\]]+|\{[^}]*\})\s*,", text)
    assert pairs, "no defaults found in ltx2CharacterOptions.ts"
    return {key: json.loads(value.replace("'", '"')) for key, value in pairs if not value.startswith("trainerDefault(")}


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
    # The lockfile comes from patches/overlay-data/ui/package-lock.delta.json (docs/patches.md,
    # "Lockfiles"): it must lock what package.json asks for, or npm ci refuses it.
    lock = json.loads((ui / "package-lock.json").read_text(encoding="utf-8"))
    manifest = json.loads(read(fork, "ui/package.json"))
    for section in ("dependencies", "devDependencies", "optionalDependencies"):
        assert lock["packages"][""].get(section) == manifest.get(section), section
    for name, spec in package.items():
        if re.fullmatch(r"\d+\.\d+\.\d+", spec):
            assert lock["packages"][f"node_modules/{name}"]["version"] == spec, name
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


def test_the_fork_carries_every_overlay_file_as_committed(fork):
    overlay = REPO / "patches" / "overlay"
    files = sorted(p.relative_to(overlay).as_posix() for p in overlay.rglob("*") if p.is_file())
    assert KEY_TABLE in files and "ui/src/app/jobs/new/Ltx2CharacterCard.tsx" in files
    for name in files:
        assert read(fork, name) == (overlay / name).read_text(encoding="utf-8"), name
    tracked = subprocess.run(["git", "-C", str(fork), "ls-files", "--error-unmatch", *files],
                             capture_output=True, text=True)
    assert tracked.returncode == 0, f"not committed in the fork: {tracked.stderr}"


def test_z_the_form_turns_auto_balance_on_while_the_trainer_keeps_it_off(fork):
    assert ui_defaults(fork)["train.auto_balance_audio_loss"] is True
    assert TRAIN["auto_balance_audio_loss"].default is False


def test_the_forms_other_sop_defaults(fork):
    defaults = ui_defaults(fork)
    assert defaults["network.type"] == "lora"  # O
    assert defaults["network.linear"] == defaults["network.linear_alpha"] == 32  # N
    assert defaults["network.rank_dropout"] == 0.1 and defaults["network.module_dropout"] == 0.0  # M, N
    assert defaults["train.noise_offset"] == 0.05  # T
    assert defaults["train.min_snr_gamma"] == 5.0  # S
    assert defaults["train.lr_scheduler"] == "constant_with_warmup"  # V
    assert defaults["train.lr_scheduler_params"] == {}  # warmup: the trainer's 5% of the steps
