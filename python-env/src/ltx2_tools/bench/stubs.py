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
    """Serves stand-ins only to imports made from ai-toolkit's own code (under ``root``).

    Library availability probes (transformers and diffusers call ``find_spec`` to decide
    whether optional integrations exist) still see the package as absent.
    """

    def __init__(self, names: tuple[str, ...], root: str, hidden: tuple[str, ...] = ()) -> None:
        self.names = names
        self.root = root
        self.hidden = hidden
        self.used: set[str] = set()

    def _caller_is_fork(self) -> bool:
        frame = sys._getframe(2)
        while frame is not None:
            name = frame.f_code.co_filename
            if not (name.startswith("<frozen") or "importlib" in name or name == __file__):
                return name.startswith(self.root)
            frame = frame.f_back
        return False

    def find_spec(self, fullname, path, target=None):
        top = fullname.split(".")[0]
        if top in self.names and (top in self.used or self._caller_is_fork()):
            return importlib.machinery.ModuleSpec(fullname, self, is_package=True)
        if top in self.hidden:
            raise ModuleNotFoundError(f"No module named {top!r} (hidden to simulate a machine without it)")
        return None

    def create_module(self, spec):
        module = _StubModule(spec.name)
        module.__path__ = []
        self.used.add(spec.name.split(".")[0])
        return module

    def exec_module(self, module):
        pass


# Library modules that refuse to import without a media package, mapped to the names
# ai-toolkit takes from them; used only when that package is missing.
MODULE_STAND_INS = {"diffusers.pipelines.ltx2.export_utils": ("av", ("encode_video",))}


def install(root: str, names: tuple[str, ...] = STUBBABLE) -> _StubFinder:
    """Stand-ins for the missing ones of ``names``, for code under ``root``; real packages win.

    ``LTX2_BENCH_HIDE`` (comma-separated) hides installed packages, to rehearse a machine
    that lacks them.
    """
    import os

    hidden = tuple(n for n in os.environ.get("LTX2_BENCH_HIDE", "").split(",") if n)
    missing = tuple(n for n in names if n in hidden or importlib.util.find_spec(n) is None)
    finder = _StubFinder(missing, str(root), hidden)
    sys.meta_path.insert(0 if hidden else len(sys.meta_path), finder)
    for module_name, (needs, attributes) in MODULE_STAND_INS.items():
        if needs in missing and module_name not in sys.modules:
            module = _StubModule(module_name)
            for attribute in attributes:
                setattr(module, attribute, _Inert(f"{module_name}.{attribute}"))
            sys.modules[module_name] = module
    return finder
