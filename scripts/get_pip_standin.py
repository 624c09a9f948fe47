# asyncjobs.fleet get-pip stand-in
"""Stand-in for the pip bootstrap script that ansible-test downloads.

ansible-test bootstraps pip into each virtual environment it creates with a
``get-pip.py`` script downloaded from a host that is not reachable from every
build machine.  It caches that script as
``~/.ansible/test/cache/get_pip_<version>.py`` and runs the cached copy when it
exists.  ``scripts/seed_get_pip.py`` installs this file under that name.

When run it first tries the real download (and runs the real script when that
works).  Otherwise it installs pip with ``python -m ensurepip`` and then tries
to upgrade to the requested pip version from the configured package index,
keeping the bundled pip when that is not possible.
"""

from __future__ import annotations

import os
import re
import runpy
import subprocess
import sys
import tempfile
import urllib.request

MARKER = "asyncjobs.fleet get-pip stand-in"
URL_TEMPLATE = "https://ci-files.testing.ansible.com/ansible-test/get-pip-{version}.py"
DOWNLOAD_TIMEOUT = float(os.environ.get("GET_PIP_DOWNLOAD_TIMEOUT", "5"))


def log(message: str) -> None:
    print(f"get-pip stand-in: {message}", file=sys.stderr, flush=True)


def requested_version() -> str | None:
    for arg in sys.argv[1:]:
        match = re.fullmatch(r"pip==([\w.]+)", arg)
        if match:
            return match.group(1)
    match = re.search(r"get_pip_([\d_]+)\.py$", os.path.basename(__file__ or ""))
    return match.group(1).replace("_", ".") if match else None


def try_real_script(version: str) -> bool:
    url = URL_TEMPLATE.format(version=version)
    try:
        with urllib.request.urlopen(url, timeout=DOWNLOAD_TIMEOUT) as response:
            data = response.read()
    except Exception as ex:  # pylint: disable=broad-except
        log(f"download of {url} failed ({ex}); falling back to ensurepip")
        return False
    with tempfile.NamedTemporaryFile("wb", suffix="-get-pip.py", delete=False) as handle:
        handle.write(data)
    log(f"running downloaded {url}")
    try:
        runpy.run_path(handle.name, run_name="__main__")
    finally:
        os.unlink(handle.name)
    return True


def fallback(version: str | None) -> None:
    subprocess.check_call([sys.executable, "-m", "ensurepip", "--upgrade", "--default-pip"])
    # get-pip.py specific options are not pip install options.
    args = [arg for arg in sys.argv[1:] if arg not in ("--no-setuptools", "--no-wheel")]
    if not any(re.match(r"pip([=<>~!]|$)", arg) for arg in args):
        args.append(f"pip=={version}" if version else "pip")
    command = [sys.executable, "-m", "pip", "install", "--disable-pip-version-check", *args]
    if subprocess.call(command) != 0:
        log("could not install the requested pip; keeping the pip bundled with ensurepip")


def main() -> None:
    version = requested_version()
    if version and try_real_script(version):
        return
    fallback(version)


if __name__ == "__main__":
    main()
