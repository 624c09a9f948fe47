#!/usr/bin/env bash
# Copy the collection's source files (git-tracked plus untracked-but-not-ignored)
# to build/stage/ansible_collections/asyncjobs/fleet, where ansible-test needs it.
# Usage: scripts/stage.sh [DEST]     (prints the staged collection path)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="${1:-$root/build/stage/ansible_collections/asyncjobs/fleet}"
cd "$root"

rm -rf "$dest"
mkdir -p "$dest"

list_files() {
    if git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        git ls-files -z --cached --others --exclude-standard
    else
        # Not a git checkout (e.g. an unpacked archive): everything but local state.
        find . \( -name .git -o -name .venv -o -name .venv-compat -o -name .venv-eda -o -name .collections -o -name build \
                  -o -name .ansible -o -name __pycache__ -o -name .pytest_cache \
                  -o -name .hypothesis -o -path ./collections -o -path ./tests/output \) -prune \
               -o \( -type f -o -type l \) -print0 | sed -z 's|^\./||'
    fi
}

# Skip files that git still tracks but that were deleted from the work tree.
list_files | while IFS= read -r -d '' f; do
    if [ -e "$f" ] || [ -L "$f" ]; then printf '%s\0' "$f"; fi
done | tar --null --no-recursion -T - -cf - | tar -xf - -C "$dest"

# The stage lives inside this repository's ignored build/ directory.  Give it its
# own (empty) git repository so that ansible-test lists the staged files instead
# of finding the outer repository, where everything under build/ is ignored.
git -C "$dest" init -q

echo "$dest"
