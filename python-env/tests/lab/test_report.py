"""Targets and controls decided from synthetic per-seed results (no training)."""
from ltx2_tools.lab.voice import report

SIG = ("0.1", "0.3", "0.5", "0.7", "0.9")


def _result(dataset, arm, seed, drift, char_acc, base_acc=1.0, char_ratio=0.8, scale0=None):
    r = {"dataset": dataset, "arm": arm, "seed": seed, "base_drift": drift, "base_readout_accuracy": base_acc,
         "base_leakage": 0.0, "char_readout_accuracy": char_acc, "base_mse_ratio": {s: 1.0 for s in SIG},
         "char_mse_ratio": {s: char_ratio for s in SIG},
         "reference": {"base_readout_accuracy": 1.0, "char_readout_accuracy": 0.0}}
    if scale0 is not None:
        r.update(control_scale0_drift=scale0, control_scale0_same_labels=True)
    return r


def _world(fork_drift, fork_char, aggressive_drift=1.0, scale0=0.0):
    rs = []
    for s in range(5):
        for d in ("D1", "D2"):
            rs.append(_result(d, "upstream", s, 0.10 + 0.01 * s, 0.5))
            rs.append(_result(d, "fork", s, fork_drift, fork_char, scale0=scale0 if s == 0 else None))
            rs.append(_result(d, "aggressive", s, aggressive_drift, 0.0, base_acc=0.3))
    return rs


def test_targets_met_when_the_fork_keeps_and_learns():
    summary = report.summarise(_world(fork_drift=0.01, fork_char=0.9), {"gate_accuracy": 1.0})
    assert all(t["met"] for t in summary["targets"].values()), summary["targets"]
    assert summary["controls"]["ok"]


def test_drift_target_missed_when_the_fork_drifts_like_upstream():
    summary = report.summarise(_world(fork_drift=0.09, fork_char=0.9), {})
    assert not summary["targets"]["D1_drift_ratio"]["met"]
    assert summary["targets"]["D2_char_accuracy_vs_upstream"]["met"]


def test_learning_target_missed_when_the_fork_learns_less():
    summary = report.summarise(_world(fork_drift=0.01, fork_char=0.3), {})
    assert not summary["targets"]["D2_char_accuracy_vs_upstream"]["met"]


def test_controls_fail_when_scale_zero_is_not_the_base_or_the_metric_is_blind():
    assert not report.summarise(_world(0.01, 0.9, scale0=1e-9), {})["controls"]["negative"]["ok"]
    blind = report.summarise(_world(0.01, 0.9, aggressive_drift=0.02), {})
    assert not blind["controls"]["ok"]
    assert "NOT visible" in report.markdown(blind)
