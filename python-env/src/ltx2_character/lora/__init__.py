"""What the trainer writes into a LoRA file's metadata (runtime: called from patch 0016)."""
