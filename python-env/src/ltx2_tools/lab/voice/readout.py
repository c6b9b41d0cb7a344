"""Turn an audio latent back into a voice label.

The readout reads the transformer's own space, the normalised, packed audio latents
``(frames, channels x mel)``, through a nearest-centroid probe fitted on latents of clean clips
encoded by the model's audio VAE exactly as the trainer encodes them. Why latents and not decoded
audio: the question is what the transformer generates; the tiny VAE decoder and vocoder are random
and would only add noise between the generated latent and the label. A voice's signature (its
mel band) survives the VAE's 4x mel compression as a channel pattern that is constant in time, so
the feature is the time-mean of each packed channel."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


def features(latent: np.ndarray) -> np.ndarray:
    """(frames, width) or (batch, frames, width) → (width,) or (batch, width)."""
    return np.asarray(latent, dtype=np.float64).mean(axis=-2)


@dataclass(frozen=True)
class Probe:
    labels: tuple[str, ...]
    centroids: np.ndarray  # (classes, width), standardised
    mean: np.ndarray
    scale: np.ndarray

    @staticmethod
    def fit(latents: np.ndarray, labels: list[str]) -> "Probe":
        x = features(latents)
        mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-6
        z = (x - mean) / scale
        names = tuple(sorted(set(labels)))
        y = np.asarray(labels)
        centroids = np.stack([z[y == n].mean(axis=0) for n in names])
        return Probe(names, centroids, mean, scale)

    def predict(self, latents: np.ndarray) -> list[str]:
        z = (features(latents) - self.mean) / self.scale
        z = np.atleast_2d(z)
        distances = ((z[:, None, :] - self.centroids[None, :, :]) ** 2).sum(axis=-1)
        return [self.labels[i] for i in distances.argmin(axis=1)]

    def accuracy(self, latents: np.ndarray, labels: list[str]) -> float:
        predicted = self.predict(latents)
        return float(np.mean([p == t for p, t in zip(predicted, labels)]))

    def to_json(self) -> dict:
        return {"labels": list(self.labels), "centroids": self.centroids.tolist(),
                "mean": self.mean.tolist(), "scale": self.scale.tolist()}

    @staticmethod
    def from_json(data: dict) -> "Probe":
        return Probe(tuple(data["labels"]), np.asarray(data["centroids"]), np.asarray(data["mean"]),
                     np.asarray(data["scale"]))
