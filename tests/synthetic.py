"""benchmarks/generate.py as a module, for the tests that build synthetic catalogues.

benchmarks/ is a folder of scripts, not a package, so the generator is loaded by path once
and shared: `from synthetic import gen`.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

GENERATE_PY = Path(__file__).resolve().parents[1] / "benchmarks" / "generate.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("mvgplan_generate", GENERATE_PY)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # registered before it runs: dataclasses look it up there
    spec.loader.exec_module(module)
    return module


gen = _load()
