"""Warnings from libraries that say nothing about the job, dropped where they are logged.

bitsandbytes (0.49 and later), when imported on a CPU with AVX512-BF16, tries to fetch an
optimised 4-bit matmul from the Hugging Face Hub through the optional ``kernels`` package,
and logs "Failed to load CPU gemm_4bit_forward from kernels-community: No module named
'kernels'" when that package is absent. It then uses its own kernel. We never install
``kernels``: it downloads code from the Hub at run time, and LTX-2 training here does not
quantise to 4 bit on the CPU. So that one case is filtered; any other failure to load the
kernel (``kernels`` installed but broken) is still shown.
"""
from __future__ import annotations

import logging

BITSANDBYTES_CPU_LOGGER = "bitsandbytes.backends.cpu.ops"
_KERNEL_ABSENT = "Failed to load CPU gemm_4bit_forward from kernels-community: No module named 'kernels'"


class _OptionalKernelsPackageAbsent(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(_KERNEL_ABSENT)


def filter_known_warnings() -> None:
    """Install the filters; call before ai-toolkit imports bitsandbytes. Idempotent."""
    logger = logging.getLogger(BITSANDBYTES_CPU_LOGGER)
    if not any(isinstance(f, _OptionalKernelsPackageAbsent) for f in logger.filters):
        logger.addFilter(_OptionalKernelsPackageAbsent())
