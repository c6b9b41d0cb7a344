from __future__ import annotations

import pytest
import torch

from ltx2_character.audio import tensors as t


def test_masked_mse_averages_supervised_items_only():
    pred = torch.zeros(3, 4, 2)
    target = torch.stack([torch.full((4, 2), 1.0), torch.full((4, 2), 100.0), torch.full((4, 2), 3.0)])
    mask = torch.tensor([True, False, True])
    assert t.masked_mse(pred, target, mask).item() == pytest.approx((1.0 + 9.0) / 2)


def test_masked_rows_get_no_gradient():
    pred = torch.randn(2, 5, 3, requires_grad=True)
    t.masked_mse(pred, torch.zeros(2, 5, 3), torch.tensor([True, False])).backward()
    assert pred.grad[1].abs().sum() == 0 and pred.grad[0].abs().sum() > 0


def test_no_supervised_item_is_a_graph_connected_zero():
    pred = torch.randn(2, 3, 1, requires_grad=True)
    loss = t.masked_mse(pred, torch.zeros(2, 3, 1), torch.tensor([False, False]))
    assert loss.item() == 0.0 and loss.requires_grad


def test_shape_mismatch_is_reported():
    with pytest.raises(ValueError, match="differ"):
        t.masked_mse(torch.zeros(1, 2, 3), torch.zeros(1, 3, 3), torch.tensor([True]))


def test_missing_audio_becomes_duration_matched_stereo_silence():
    real = {"waveform": torch.ones(1, 32000), "sample_rate": 16000}
    filled = t.fill_missing_audio([None, real, None])
    assert filled[1] is real
    for f in (filled[0], filled[2]):
        assert f["sample_rate"] == 16000 and f["waveform"].shape == (2, 32000)
        assert f["waveform"].abs().sum() == 0


def test_all_missing_is_an_error():
    with pytest.raises(ValueError):
        t.fill_missing_audio([None, None])


def test_match_length_crops_and_edge_pads():
    x = torch.arange(12.0).view(1, 4, 3)
    assert t.match_length(x, 4) is x
    assert t.match_length(x, 3).shape == (1, 3, 3)
    padded = t.match_length(x, 6)
    assert padded.shape == (1, 6, 3) and torch.equal(padded[:, 4], x[:, 3]) and torch.equal(padded[:, 5], x[:, 3])
