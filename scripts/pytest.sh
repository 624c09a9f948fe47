#!/usr/bin/env bash
# Run pytest on the given paths, skipping paths that do not exist yet, and
# treating "no tests collected" (pytest exit 5) as success with a notice.
# Usage: scripts/pytest.sh PATH... [PYTEST-OPTION...]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Leading arguments are test paths (missing ones are skipped); everything from
# the first option on is passed to pytest unchanged.
args=()
paths=0
while [[ $# -gt 0 && "$1" != -* ]]; do
    if [[ -e "$1" ]]; then
        args+=("$1")
        paths=$((paths + 1))
    else
        echo "pytest.sh: skipping $1 (does not exist)" >&2
    fi
    shift
done
args+=("$@")

if [[ $paths -eq 0 ]]; then
    echo "pytest.sh: none of the test paths exist; nothing to run" >&2
    exit 0
fi

rc=0
python -m pytest "${args[@]}" || rc=$?
if [[ $rc -eq 5 ]]; then
    echo "pytest.sh: no tests were collected" >&2
    rc=0
fi
exit $rc
