"""Fault injection for the crash tests: die with SIGKILL in the middle of a checkpoint save.

Put this folder on PYTHONPATH and set LTX2_TEST_KILL_AT="<n>:<fraction>": the n-th checkpoint
file the process writes (1-based, counting every ``safetensors.torch.save_file`` and
``torch.save``) is written in full, cut to ``fraction`` of its size (1.0: left whole), and the
process kills itself at once, as a lost machine or the OOM killer would: no handler, no
cleanup. Whatever name the trainer writes to, the temporary one or the final one, is what the
kill damages, so the same fault shows a non-atomic save losing the checkpoint.

LTX2_TEST_OOM_AT_BACKWARD="<n>": from the n-th backward pass on, every backward raises
torch.cuda.OutOfMemoryError, as a GPU too small for the job does; ``torch.cuda.ipc_collect``
(which ai-toolkit calls after an OOM) does nothing, as on a GPU with nothing to collect (the test
machines have no GPU).
"""
import os
import signal

_SPEC = os.environ.get("LTX2_TEST_KILL_AT")

if _SPEC:
    _target, _fraction = int(_SPEC.split(":")[0]), float(_SPEC.split(":")[1])
    _count = [0]

    def _wrap(save, path_arg: int):
        def faulty(*args, **kwargs):
            result = save(*args, **kwargs)
            _count[0] += 1
            if _count[0] == _target:
                path = args[path_arg]
                if isinstance(path, (str, os.PathLike)) and _fraction < 1.0:
                    os.truncate(path, int(os.path.getsize(path) * _fraction))
                os.kill(os.getpid(), signal.SIGKILL)
            return result
        return faulty

    import safetensors.torch
    import torch

    safetensors.torch.save_file = _wrap(safetensors.torch.save_file, 1)
    torch.save = _wrap(torch.save, 1)

_OOM_AT = os.environ.get("LTX2_TEST_OOM_AT_BACKWARD")

if _OOM_AT:
    import torch
    import torch.autograd

    _backward = torch.autograd.backward
    _calls = [0]

    def _backward_until_oom(*args, **kwargs):
        _calls[0] += 1
        if _calls[0] >= int(_OOM_AT):
            raise torch.cuda.OutOfMemoryError("CUDA out of memory. Tried to allocate 20.00 GiB (simulated)")
        return _backward(*args, **kwargs)

    torch.autograd.backward = _backward_until_oom
    torch.cuda.ipc_collect = lambda: None
