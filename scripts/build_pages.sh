#!/usr/bin/env bash
# Build a few pages of the book on their own, into a scratch folder, with the book's settings:
#   scripts/build_pages.sh NAME book/part1/03_translation.ipynb [more pages...]
# The HTML lands in /tmp/build-NAME/_build/html. For authors working on chapters in parallel.
set -euo pipefail
cd "$(dirname "$0")/.."
name=$1; shift
out=/tmp/build-$name
mkdir -p "$out"
{
  echo "format: jb-book"
  echo "root: book/intro"
  echo "chapters:"
  for page in "$@"; do echo "  - file: ${page%.*}"; done
  echo "  - file: book/notation"
  echo "  - file: book/bibliography"
} > "$out/_toc.yml"
# Links to pages outside this partial build (the introduction links to every chapter) are
# the only warnings allowed here; any other warning fails, as in the full build.
set +e
.venv/bin/jupyter-book build . --toc "$out/_toc.yml" --path-output "$out" -n --keep-going 2>&1 | tee "$out/build.log"
status=${PIPESTATUS[0]}
set -e
if grep "WARNING" "$out/build.log" | grep -v "unknown document" | grep -v "IPKernelApp"; then
    echo "build_pages.sh: the warnings above would fail the full build" >&2
    exit 1
fi
exit "$status"
