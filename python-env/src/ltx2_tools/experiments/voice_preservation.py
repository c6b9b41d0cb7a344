"""Which voice-preservation mode keeps a LoRA's audio closest to the base model (SOP item E)?

Trains the same tiny LTX-2 LoRA three times on a character dataset with speech clips, silent
clips and stills, with ``voice_preservation`` none, silence (the SOP's regulariser) and base
(the LoRA-off prediction as target), then measures on held-out prompts how far the LoRA'd
audio prediction moved from the base model's: mean squared difference over several audio
noise levels, on a held-out speech clip and on silence. Lower is better preservation.

    python -m ltx2_tools.experiments.voice_preservation --fork DIR --work DIR [--steps 60]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import OrderedDict
from pathlib import Path
from types import SimpleNamespace

import torch

HELD_OUT_PROMPTS = ("a red car drives through rain at night", "an old man laughs in a crowded cafe",
                    "waves crash on a rocky shore")
AUDIO_TIMESTEPS = (200.0, 500.0, 800.0, 1000.0)
MODES = ("none", "silence", "base")


def _dataset(root: Path) -> Path:
    from ltx2_tools.demo import media

    folder = root / "data"
    if folder.exists():
        return folder
    folder.mkdir(parents=True)
    lines = ["Hello there, I am the test character.", "The weather is lovely today.", "Please keep my voice intact."]
    for i, line in enumerate(lines):
        media.make_clip(media.DemoClip(f"talk_{i}", line, "testsrc2"), folder)
        (folder / f"talk_{i}.txt").write_text(f"ohwx talking, take {i}\n")
    for i in range(3):
        media.make_clip(media.DemoClip(f"silent_{i}", None, "smptebars"), folder)
        (folder / f"silent_{i}.txt").write_text(f"ohwx silent, take {i}\n")
        media.make_still(folder).rename(folder / f"still_{i}.png")
        (folder / f"still_{i}.txt").write_text(f"a photo of ohwx, {i}\n")
    return folder


def _job(model: Path, data: Path, out: Path, mode: str, steps: int) -> dict:
    return {"job": "extension", "config": {"name": f"vp_{mode}", "process": [{
        "type": "sd_trainer", "training_folder": str(out), "device": "cpu",
        "network": {"type": "lora", "linear": 8, "linear_alpha": 8},
        "save": {"dtype": "float32", "save_every": 100000},
        "datasets": [
            {"folder_path": str(data), "caption_ext": "txt", "resolution": [64], "num_frames": 17, "fps": 24,
             "buckets": True, "batch_size": 1, "num_workers": 0},
        ],
        "train": {"batch_size": 1, "steps": steps, "lr": 1e-3, "optimizer": "adamw", "noise_scheduler": "flowmatch",
                  "timestep_type": "weighted", "dtype": "fp32", "disable_sampling": True, "gradient_checkpointing": False,
                  "voice_preservation": mode},
        "model": {"arch": "ltx2", "name_or_path": str(model), "quantize": False, "quantize_te": False, "low_vram": False},
        "logging": {"log_every": 1000},
    }]}}


class _Batch(SimpleNamespace):
    def set_secondary_audio_pred(self, pred):
        if self.audio_pred_slot is not None:
            setattr(self, self.audio_pred_slot, pred)


def _audio_predictions(sd, audio, noise, audio_t, prompt_embeds, video_latents, video_t) -> torch.Tensor:
    present = torch.tensor([audio is not None])
    batch = _Batch(dataset_config=SimpleNamespace(do_audio=True, do_i2v=False, fps=24), num_frames=17,
                   audio_latents=None, audio_data=[audio] if audio is not None else None, audio_present=present,
                   first_frame_latents=None, audio_noise=noise, audio_target=None, audio_pred=None,
                   audio_pred_slot="audio_pred_prior", audio_pred_prior=None, audio_sigma=None, audio_timestep=audio_t,
                   audio_loss_mask=None, audio_preserve_mask=None, audio_real_mask=None, audio_clean=None)
    with torch.no_grad():
        torch.manual_seed(0)
        sd.get_noise_prediction(video_latents, video_t, prompt_embeds, batch=batch)
    return batch.audio_pred_prior  # no-grad passes store their prediction in a named slot


def _drift(sd, network, speech: dict) -> dict:
    from ltx2_character.audio.options import AudioTrainingOptions
    from ltx2_character.fork import ltx2_audio

    # Identical evaluation inputs for every mode: silence as the audio-free input, and the
    # prediction kept on the batch (the model keeps it when a loss would read it).
    ltx2_audio.configure(sd, AudioTrainingOptions(voice_preservation="base"))
    frames = None
    results = {}
    for source, audio in (("speech", speech), ("silence", None)):
        diffs = []
        for prompt in HELD_OUT_PROMPTS:
            embeds = sd.get_prompt_embeds([prompt])
            g = torch.Generator().manual_seed(hash(prompt) % 1000)
            video_latents = torch.randn(1, 8, 3, 2, 2, generator=g)
            for t in AUDIO_TIMESTEPS:
                if frames is None:
                    from ltx2_character.fork import ltx2_audio
                    frames = ltx2_audio.latent_frames_for(sd, 17, 24)
                noise = torch.randn(1, frames, 16, generator=g)
                audio_t = torch.tensor([t])
                video_t = torch.tensor([500.0])
                network.is_active = True
                lora = _audio_predictions(sd, audio, noise, audio_t, embeds, video_latents, video_t)
                network.is_active = False
                base = _audio_predictions(sd, audio, noise, audio_t, embeds, video_latents, video_t)
                network.is_active = True
                diffs.append(((lora - base) ** 2).mean().item())
        results[source] = sum(diffs) / len(diffs)
    return results


def run(fork: Path, work: Path, steps: int) -> dict:
    sys.path.insert(0, str(fork))
    from ltx2_character.bridge.run import prepare_process
    from ltx2_tools.demo.tiny_model import TinyModelSpec, build

    prepare_process(str(fork))
    from toolkit.job import get_job

    model = work / "tiny-ltx2"
    if not model.exists():
        build(model, TinyModelSpec("ltx2", seed=7))
    data = _dataset(work)
    t = torch.arange(int(17 / 24 * 44100)) / 44100
    tone = 0.2 * torch.sin(2 * torch.pi * 180 * t) * torch.sin(2 * torch.pi * 3 * t)
    speech = {"waveform": torch.stack([tone, tone]), "sample_rate": 44100}
    report = {"steps": steps, "metric": "mean squared difference between LoRA and base audio predictions",
              "held_out_prompts": list(HELD_OUT_PROMPTS), "audio_timesteps": list(AUDIO_TIMESTEPS), "modes": {}}
    for mode in MODES:
        torch.manual_seed(1234)
        job = get_job(json.loads(json.dumps(_job(model, data, work / "out", mode, steps)), object_pairs_hook=OrderedDict))
        process = job.process[0]
        kept = {}
        before_loop = process.hook_before_train_loop

        def keep_references():
            # run() deletes sd and network when it ends; keep our own references to them
            before_loop()
            kept.update(sd=process.sd, network=process.network)

        process.hook_before_train_loop = keep_references
        job.run()
        report["modes"][mode] = _drift(kept["sd"], kept["network"], speech)
        job.cleanup()
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fork", type=Path, required=True)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--steps", type=int, default=60)
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    report = run(args.fork, args.work, args.steps)
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
