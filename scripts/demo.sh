#!/usr/bin/env bash
# `make demo`: start the appliance lab, run playbooks/demo.yml against it, and
# always stop the lab again.  Expects the collection installed in .collections
# (make install) and .venv on PATH (the Makefile does both).
#
# Extra arguments go to ansible-playbook, e.g. `bash scripts/demo.sh -v`.
# LAB_OPTIONS adds lab server options, e.g. LAB_OPTIONS="--devices 500 --time-scale 0.5".
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

run_dir="$root/build/demo"
pid_file="$run_dir/lab.pid"
port_file="$run_dir/lab-ports.json"
mkdir -p "$run_dir"

python=python3
if [[ -x "$root/.venv/bin/python" ]]; then
    export PATH="$root/.venv/bin:$PATH"
    python="$root/.venv/bin/python"
fi

stop_lab() {
    "$python" tests/lab/labctl.py stop --pid-file "$pid_file" >/dev/null || true
}

# A lab left over from an interrupted demo is stopped first.
stop_lab
trap stop_lab EXIT
trap "exit 130" INT
trap "exit 143" TERM
# Every demo starts from the lab's freshly generated fleet.
rm -rf "$run_dir/lab-state"

# shellcheck disable=SC2086  # LAB_OPTIONS is a list of options
"$python" tests/lab/labctl.py start --port-file "$port_file" --pid-file "$pid_file" \
    --state-dir "$run_dir/lab-state" ${LAB_OPTIONS:-} >/dev/null

DRM_URL="$("$python" -c 'import json, sys; print(json.load(open(sys.argv[1]))["drm"])' "$port_file")"
export DRM_URL
export DRM_USERNAME=admin
export DRM_PASSWORD='lab-Passw0rd!'
export ANSIBLE_COLLECTIONS_PATH="${ANSIBLE_COLLECTIONS_PATH:-$root/.collections}"
# Modules run on localhost with the venv's Python (it has requests and xmltodict).
export ANSIBLE_PYTHON_INTERPRETER="${ANSIBLE_PYTHON_INTERPRETER:-$python}"
export ANSIBLE_LOCALHOST_WARNING=false

echo "Lab running: Digi Remote Manager at $DRM_URL (log: ${pid_file%.pid}.log)"
ansible-playbook -i localhost, -c local playbooks/demo.yml "$@"
