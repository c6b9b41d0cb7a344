"""Stand-ins for media and UI packages that ai-toolkit imports but a training step never calls.

GPU machines without network get packages as wheels, capped in size; OpenCV, PyAV,
albumentations, librosa and friends are large and serve only data loading, which the step
benchmark replaces with tensors of the right shapes. A stand-in is installed only for a
package that is missing, and any attribute taken from it is an inert object, so import-time
uses (constants, decorators) work while real use fails loudly.
"""
from __future__ import annotations

import importlib.abc
import importlib.util
import importlib.machinery
import sys
import types

STUBBABLE = ("cv2", "av", "albumentations", "albucore", "skimage", "librosa", "soundfile", "soxr", "imwatermark",
             "pywt", "pytorch_wavelets", "kornia", "kornia_rs", "bitsandbytes", "lpips", "open_clip", "controlnet_aux",
             "gradio", "mutagen", "matplotlib", "torchcodec", "oyaml", "lycoris", "prodigyopt", "dadaptation",
             "flatten_json", "toml", "dotenv", "slugify", "hf_transfer", "timm", "pytorch_fid", "tensorboard", "ftfy",
             "omegaconf", "sklearn", "pandas", "invisible_watermark")


class _Inert:
    def __init__(self, name: str) -> None:
        self._name = name

    def __call__(self, *args, **kwargs):
        if len(args) == 1 and callable(args[0]) and not kwargs:
            return args[0]  # used as a decorator
        return _Inert(f"{self._name}()")

    def __getattr__(self, item: str):
        if item.startswith("__"):
            raise AttributeError(item)
        return _Inert(f"{self._name}.{item}")

    def __getitem__(self, item):
        return _Inert(f"{self._name}[...]")

    def __iter__(self):
        return iter(())

    def __bool__(self) -> bool:
        return False

    def __mro_entries__(self, bases):
        return (object,)

    def __repr__(self) -> str:
        return f"<stand-in {self._name}>"


class _StubModule(types.ModuleType):
    def __getattr__(self, item: str):
        if item.startswith("__"):
            raise AttributeError(item)
        return _Inert(f"{self.__name__}.{item}")


class _StubFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def __init__(self, names: tuple[str, ...]) -> None:
        self.names = names
        self.used: set[str] = set()

    def find_spec(self, fullname, path, target=None):
        if fullname.split(".")[0] in self.names:
            return importlib.machinery.ModuleSpec(fullname, self, is_package=True)
        return None

    def create_module(self, spec):
        module = _StubModule(spec.name)
        module.__path__ = []
        self.used.add(spec.name.split(".")[0])
        return module

    def exec_module(self, module):
        pass


def install(names: tuple[str, ...] = STUBBABLE) -> _StubFinder:
    """Stand-ins for the missing ones of ``names``; real packages are always preferred."""
    missing = tuple(n for n in names if importlib.util.find_spec(n) is None)
    finder = _StubFinder(missing)
    sys.meta_path.append(finder)
    return finder
