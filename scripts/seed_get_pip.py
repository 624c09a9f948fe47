"""Seed ansible-test's pip bootstrap cache with scripts/get_pip_standin.py.

ansible-test (``--venv``) downloads ``get-pip-<version>.py`` from a host that may
be unreachable.  This finds the pip version that the installed ansible-test
wants and puts the stand-in at ``~/.ansible/test/cache/get_pip_<version>.py``
unless a real (downloaded) script is already cached there.

Usage: python3 scripts/seed_get_pip.py   (run with the Python that has ansible-test)
"""

from __future__ import annotations

import importlib.util
import os
import pathlib
import re
import shutil
import sys

HERE = pathlib.Path(__file__).resolve().parent
STANDIN = HERE / "get_pip_standin.py"
MARKER = "asyncjobs.fleet get-pip stand-in"


def pip_versions() -> set[str]:
    spec = importlib.util.find_spec("ansible_test")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("seed_get_pip: ansible_test is not importable from this Python")
    root = pathlib.Path(list(spec.submodule_search_locations)[0])
    source = (root / "_internal" / "python_requirements.py").read_text(encoding="utf-8")
    versions = set(re.findall(r"""\bpip\s*=\s*['"]([\d.]+)['"]""", source))
    if not versions:
        sys.exit("seed_get_pip: could not find the pip version in ansible-test's python_requirements.py")
    return versions


def main() -> None:
    cache = pathlib.Path(os.path.expanduser("~/.ansible/test/cache"))
    cache.mkdir(parents=True, exist_ok=True)
    for version in sorted(pip_versions()):
        target = cache / f"get_pip_{version.replace('.', '_')}.py"
        if target.exists() and MARKER not in target.read_text(encoding="utf-8", errors="replace")[:2000]:
            print(f"seed_get_pip: keeping real bootstrap script {target}")
            continue
        shutil.copyfile(STANDIN, target)
        print(f"seed_get_pip: {target} -> stand-in (download, else ensurepip)")


if __name__ == "__main__":
    main()
