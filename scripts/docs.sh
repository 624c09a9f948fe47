#!/usr/bin/env bash
# Build the collection's HTML documentation site offline into build/docs/html:
#   1. build the collection and install the tarball into build/docs/collections (the docs
#      describe what users install, so build_ignore applies);
#   2. antsibull-docs lint-collection-docs --plugin-docs on it (must be clean);
#   3. antsibull-docs sphinx-init + collection: a Sphinx project with every plugin, the role and
#      the guides of docs/docsite/, with intersphinx removed (nothing is fetched);
#   4. sphinx-build -W (warnings are errors).
# Writes only under build/docs (or $DOCS_OUT, which the tests set to a temporary directory).
# Usage: scripts/docs.sh (uses .venv when present).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="${DOCS_OUT:-$root/build/docs}"
start=$SECONDS

if [[ -x "$root/.venv/bin/python" ]]; then
    export PATH="$root/.venv/bin:$PATH"
fi

# Offline by construction: any HTTP(S) attempt goes to a closed local port and fails at once
# (sphinx-build -W then fails) instead of hanging or quietly depending on the network.
for var in http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY; do
    export "$var=http://127.0.0.1:9"
done
unset no_proxy NO_PROXY
# Only the staged copy of the collection is documented (make units/integration set these).
unset PYTHONPATH
export ANSIBLE_COLLECTIONS_PATH="$out/collections" ANSIBLE_COLLECTIONS_SCAN_SYS_PATH=false
export ANSIBLE_NOCOLOR=1

# Only this script's own subdirectories are removed, whatever DOCS_OUT points at.
rm -rf "$out/dist" "$out/collections" "$out/sphinx" "$out/html"
mkdir -p "$out/dist"

echo "== Building and installing the collection into $out/collections"
ansible-galaxy collection build --force --output-path "$out/dist" . >/dev/null
ansible-galaxy collection install --force -p "$out/collections" "$out"/dist/asyncjobs-fleet-*.tar.gz >/dev/null
installed="$out/collections/ansible_collections/asyncjobs/fleet"

echo "== antsibull-docs lint-collection-docs --plugin-docs"
antsibull-docs lint-collection-docs --plugin-docs "$installed"

echo "== Generating the Sphinx project in $out/sphinx"
# antsibull-docs wants its destination owned by the user and writable by nobody else.
mkdir -m 700 "$out/sphinx"
antsibull-docs sphinx-init --use-current --fail-on-error --dest-dir "$out/sphinx" \
    --index-rst-source docs/sphinx/index.rst \
    --project asyncjobs.fleet --copyright "asyncjobs.fleet contributors" \
    --title "asyncjobs.fleet documentation" --html-short-title asyncjobs.fleet \
    asyncjobs.fleet >/dev/null
# sphinx-init always configures intersphinx with docs.ansible.com and docs.python.org: turn it off.
cat >>"$out/sphinx/conf.py" <<'EOF'

# scripts/docs.sh: build offline. The labels the plugin pages use from the Ansible docs are
# defined in ansible_references.rst instead.
extensions = [name for name in extensions if name != 'sphinx.ext.intersphinx']
intersphinx_mapping = {}
EOF
chmod 700 "$out/sphinx/rst"
antsibull-docs --config-file "$out/sphinx/antsibull-docs.cfg" collection --use-current --fail-on-error \
    --cleanup everything --dest-dir "$out/sphinx/rst" asyncjobs.fleet >/dev/null
cp docs/sphinx/ansible_references.rst "$out/sphinx/rst/"

echo "== sphinx-build -W"
sphinx-build -b html -W --keep-going -q -c "$out/sphinx" -d "$out/sphinx/doctrees" "$out/sphinx/rst" "$out/html"

echo "Docs built in $((SECONDS - start)) s: $out/html/index.html"
