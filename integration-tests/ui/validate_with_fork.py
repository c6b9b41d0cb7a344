"""Loads a job config the way the patched fork does (the fallback until `orchestrator validate`
is merged): toolkit.config.get_config, then the config classes the trainer builds from it.

usage: python validate_with_fork.py FORK_DIR CONFIG
Exit 0 when the fork accepts the config; otherwise the error on stderr and exit 1.
"""
from __future__ import annotations

import os
import sys


def main(fork_dir: str, config_path: str) -> int:
    sys.path.insert(0, fork_dir)
    os.chdir(fork_dir)  # get_config looks in ./config first, as run.py does
    from toolkit.config import get_config
    from toolkit.config_modules import DatasetConfig, ModelConfig, NetworkConfig, TrainConfig

    config = get_config(os.path.abspath(config_path) if not os.path.isabs(config_path) else config_path)
    process = config["config"]["process"][0]
    TrainConfig(**process["train"])
    NetworkConfig(**process["network"])
    ModelConfig(**process["model"])
    for dataset in process["datasets"]:
        DatasetConfig(**dataset)
    print(f"fork loader accepted {config_path}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1], sys.argv[2]))
    except Exception as e:  # report any rejection with its type, as the trainer would fail
        print(f"fork loader rejected {sys.argv[2]}: {type(e).__name__}: {e}", file=sys.stderr)
        sys.exit(1)
