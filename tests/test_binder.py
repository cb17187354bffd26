"""binder/: the environment mybinder builds for the notebooks, read as repo2docker reads it.

repo2docker itself needs Docker, so these tests check what can be checked here: a CPU-only
PyTorch from conda-forge, no package host named anywhere, the package installed by
postBuild, and every module that a chapter imports provided by the environment.
"""

from __future__ import annotations

import ast
import json
import os
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
BINDER = ROOT / "binder"

# The conda-forge package that provides each third-party module a chapter may import.
PROVIDERS = {
    "torch": "pytorch-cpu",
    "numpy": "numpy",
    "matplotlib": "matplotlib-base",
    "mpl_toolkits": "matplotlib-base",
    "ipywidgets": "ipywidgets",
    "imageio": "imageio",
    "PIL": "pillow",
    "sklearn": "scikit-learn",
    "tqdm": "tqdm",
    "IPython": "ipywidgets",  # a dependency of ipywidgets (and of every Jupyter kernel)
}


def environment() -> dict:
    return yaml.safe_load((BINDER / "environment.yml").read_text())


def conda_names() -> set[str]:
    names = set()
    for spec in environment()["dependencies"]:
        if isinstance(spec, str):
            names.add(spec.split("=")[0].split(">")[0].split("<")[0].strip())
    return names


def test_pytorch_is_conda_forges_cpu_build():
    env = environment()
    assert env["channels"][0] == "conda-forge"
    assert "pytorch-cpu" in conda_names()
    assert "pytorch" not in conda_names() and "pytorch-gpu" not in conda_names()
    text = (BINDER / "environment.yml").read_text().lower()
    assert "cuda" not in text.replace("no cuda", "")


def test_no_package_host_is_named():
    for path in BINDER.iterdir():
        assert "://" not in path.read_text(), f"{path.name} names a host; use the channel names and pip's default"
    assert not any(isinstance(spec, dict) for spec in environment()["dependencies"]), "no pip section: postBuild installs"


def test_post_build_installs_the_package_from_the_checkout():
    post_build = BINDER / "postBuild"
    assert os.access(post_build, os.X_OK)
    lines = [line.strip() for line in post_build.read_text().splitlines() if not line.startswith("#")]
    assert "set -euo pipefail" in lines
    assert any(line.startswith("python -m pip install") and line.endswith(" .") and "--no-deps" in line
               for line in lines)
    assert any("import gcnn_teach" in line for line in lines)


def test_start_limits_threads_and_runs_the_command():
    start = BINDER / "start"
    assert os.access(start, os.X_OK)
    text = start.read_text()
    assert "OMP_NUM_THREADS" in text and text.rstrip().endswith('exec "$@"')


def test_the_package_needs_nothing_the_environment_lacks():
    """gcnn_teach's own dependencies (pyproject.toml, with its extras) are in environment.yml."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = list(project["dependencies"])
    for extra in ("viz", "data"):
        wanted += project.get("optional-dependencies", {}).get(extra, [])
    pip_to_conda = {"torch": "pytorch-cpu", "matplotlib": "matplotlib-base"}
    names = conda_names()
    for requirement in wanted:
        name = requirement.split(">")[0].split("=")[0].split("<")[0].split("[")[0].strip()
        assert pip_to_conda.get(name, name) in names, f"{name} (pyproject.toml) is missing from binder/environment.yml"


def imported_modules(notebook: Path) -> set[str]:
    modules = set()
    for cell in json.loads(notebook.read_text())["cells"]:
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        # IPython magics are not Python: leave their lines out
        source = "\n".join(line for line in source.splitlines() if not line.lstrip().startswith(("%", "!")))
        try:
            tree = ast.parse(source)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                modules |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                modules.add(node.module.split(".")[0])
    return modules


def test_every_module_a_reader_notebook_imports_is_provided():
    """What the Binder buttons open: the reader notebooks (notebooks/), which need no myst-nb."""
    names = conda_names()
    notebooks = sorted((ROOT / "notebooks").rglob("*.ipynb"))
    assert len(notebooks) >= 11
    for notebook in notebooks:
        for module in imported_modules(notebook):
            if module in sys.stdlib_module_names or module == "gcnn_teach":
                continue
            assert module in PROVIDERS, (
                f"{notebook.relative_to(ROOT)} imports {module}: add its conda-forge package to "
                "binder/environment.yml and to PROVIDERS in this test (and check Colab has it)")
            assert PROVIDERS[module] in names, f"{module} needs {PROVIDERS[module]} in binder/environment.yml"
