"""Every package the app imports is one it declares: the README's run command installs only
``dependencies`` (not the test extras), so an import that only a test dependency brings in would make
``vernetzt serve`` fail on a fresh machine while every test passes."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "vernetzt"


def _normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {_normalized(re.split(r"[\s<>=!~\[;]", spec, maxsplit=1)[0]) for spec in project["dependencies"]}


def _imported_top_level_modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.split(".")[0], path)
    return found


def test_every_imported_package_is_a_declared_dependency():
    declared = _declared()
    distributions = packages_distributions()
    missing = []
    for module, path in sorted(_imported_top_level_modules().items()):
        if module == "vernetzt" or module in sys.stdlib_module_names:
            continue
        providers = {_normalized(name) for name in distributions.get(module, [])}
        if not providers & declared:
            where = path.relative_to(ROOT)
            missing.append(f"{module} (imported in {where}; from {sorted(providers) or '?'})")
    assert not missing, "imported but not in pyproject's dependencies:\n" + "\n".join(missing)


def test_the_check_sees_an_undeclared_import():
    # The rule itself: a package only the test extras bring in is not among the declared ones.
    assert "pytest" not in _declared()
    assert "django" in _declared()
