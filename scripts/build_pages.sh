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
.venv/bin/jupyter-book build . --toc "$out/_toc.yml" --path-output "$out" -W -n --keep-going
