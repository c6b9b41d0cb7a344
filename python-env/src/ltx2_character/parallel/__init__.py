"""Data parallelism over several processes (torch.distributed, launched by torchrun).

``ranks``: who am I (pure, from the launcher's environment); ``sharding``: which items each
rank trains; ``collectives``: the few values ranks must agree on (gradients, losses, the
balancer's input, strict-audio counts, the stop flag); ``wrapping``: which models Accelerate
may wrap in DDP (only those that train). With one process every function is
the identity, so a single-GPU run is unchanged.
"""
