"""The trainings the lab compares. Every arm trains the same LoRA (same targets, rank, steps,
learning rate, data, seed) and differs in exactly the setting it names."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ltx2_tools.lab.voice import world

from ltx2_tools.lora.streams import GROUPS

# Streams a video-only LoRA drops (lora.streams.classify_key names).
AUDIO_STREAMS = frozenset({*GROUPS["audio"], "a2v", "v2a"})


@dataclass(frozen=True)
class Arm:
    name: str
    tree: str  # "fork" or "pin" (the bare upstream commit the fork is built on)
    train: dict = field(default_factory=dict)  # keys added to the shared train section
    dataset: dict = field(default_factory=dict)  # keys added to the dataset entry
    drop_streams: frozenset[str] = frozenset()  # streams removed from the file before evaluation
    why: str = ""
    source: str | None = None  # evaluate another arm's LoRA file (no training of its own)
    max_seeds: int | None = None  # a control needs to show an effect, not estimate it

    @property
    def trains(self) -> bool:
        return self.source is None


ARMS: tuple[Arm, ...] = (
    Arm("upstream", "pin", why="ai-toolkit at the pin as a user runs it: none of the fork's keys"),
    Arm("upstream_do_audio", "pin", dataset={"do_audio": True},
        why="upstream given its best chance: do_audio, which the pin leaves off, set on the dataset"),
    Arm("fork", "fork", why="the fork with its defaults (L on, E base, B off)"),
    Arm("fork_L_off", "fork", {"independent_audio_timestep": False}, why="audio shares the video timestep"),
    Arm("fork_E_none", "fork", {"voice_preservation": "none"}, why="no voice preservation"),
    Arm("fork_E_silence", "fork", {"voice_preservation": "silence"}, why="the SOP's silence regulariser"),
    Arm("fork_B_on", "fork", {"auto_balance_audio_loss": True}, why="auto-balanced audio loss"),
    Arm("video_only", "fork", drop_streams=AUDIO_STREAMS, source="fork",
        why="the fork's LoRA with every audio, a2v and v2a adapter removed: the preservation bound"),
)
POSITIVE_CONTROL = Arm("aggressive", "fork", {"voice_preservation": "none", "lr": 3e-2}, max_seeds=2,
                       why="positive control: a learning rate 30x too high must visibly damage the base")
REDUCED = ("upstream", "fork", "aggressive")


def by_name(names: list[str] | tuple[str, ...]) -> list[Arm]:
    table = {a.name: a for a in (*ARMS, POSITIVE_CONTROL)}
    unknown = [n for n in names if n not in table]
    if unknown:
        raise ValueError(f"unknown arms {unknown}; known: {sorted(table)}")
    return [table[n] for n in names]


@dataclass(frozen=True)
class Budget:
    steps: int = 100
    lr: float = 1e-3
    rank: int = 8


DATASETS = {
    # D1: the character never speaks (silent clips and stills): the ai-toolkit#1020 case.
    "D1": dict(talking=0, silent=6, stills=3),
    # D2: a talking character mixed with silent clips and stills (exercises C and D).
    "D2": dict(talking=6, silent=3, stills=3),
}


def write_datasets(root: Path, seed: int = 0) -> dict[str, Path]:
    out = {}
    for name, counts in DATASETS.items():
        folder = root / name
        if not (folder / ".complete").exists():
            world.write_dataset(world.character_items(**counts, held_out=False, seed=seed), folder)
            (folder / ".complete").write_text("")
        out[name] = folder
    return out


def job(arm: Arm, model_dir: Path, data: Path, out: Path, seed: int, budget: Budget) -> dict:
    """One arm's ai-toolkit job: the workbench's CPU job with the arm's keys (the workbench keeps the
    voice report off, so every arm trains on the same clips)."""
    from ltx2_tools.workbench import job as workbench_job

    train = {"lr": budget.lr, "gradient_checkpointing": False, "timestep_type": "weighted", **arm.train}
    name = f"{arm.name}_s{seed}"
    config = workbench_job(model_dir, [{"folder_path": str(data), "num_frames": world.NUM_FRAMES, "fps": world.FPS,
                                        "resolution": [world.SIZE], **arm.dataset}],
                           out, steps=budget.steps, train=train, name=name,
                           network={"type": "lora", "linear": budget.rank, "linear_alpha": budget.rank})
    config["config"]["process"][0]["save"]["save_every"] = budget.steps
    config["config"]["process"][0]["logging"]["log_every"] = 10
    return config


def seeds_of(arm: Arm, seeds: int) -> range:
    return range(min(seeds, arm.max_seeds or seeds))
