#!/usr/bin/env bash
# Refresh the browser libraries that the built book serves from its own static files, so
# that the HTML works offline (no CDN): MathJax 3 (SVG output, so no web fonts) and the
# Jupyter widgets HTML manager (renders saved widget state, e.g. tqdm progress bars).
#
#   scripts/vendor_assets.sh        # needs npm; run it only to change a version
#
# The versions are the "vendored" entries of package.json. Each package is fetched with
# `npm pack` (the registry's own tarball, checked against its integrity hash by npm) and
# only the files the book loads are copied, with their licences, into book/_static/vendor/.
# The result is committed, so `make book` needs no Node.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
dest=book/_static/vendor
version() { node -p "require('./package.json').vendored['$1']"; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unpack() {  # unpack NAME VERSION DIR: npm pack NAME@VERSION into DIR/package
    local tarball
    tarball=$(cd "$work" && npm pack --silent "$1@$2")
    mkdir -p "$3"
    tar -xzf "$work/$tarball" -C "$3"
}

rm -rf "$dest"
mkdir -p "$dest/mathjax" "$dest/jupyter-widgets"

# MathJax: the single-file TeX -> SVG component with every TeX extension built in, so that
# nothing is loaded lazily from a server.
mathjax=$(version mathjax)
unpack mathjax "$mathjax" "$work/mathjax"
cp "$work/mathjax/package/es5/tex-svg-full.js" "$work/mathjax/package/LICENSE" "$dest/mathjax/"

# The widgets HTML manager: embed.js renders the built-in widgets (no RequireJS, nothing
# fetched for them); the font files next to it are Font Awesome 5, which its CSS loads
# relative to the script. Its npm package has no licence file: ipywidgets (same project,
# same BSD-3-Clause licence) provides it; Font Awesome's licence comes from its package.
manager=$(version @jupyter-widgets/html-manager)
unpack @jupyter-widgets/html-manager "$manager" "$work/manager"
dist="$work/manager/package/dist"
cp "$dist/embed.js" "$dist/embed.js.LICENSE.txt" "$dest/jupyter-widgets/"
find "$dist" -maxdepth 1 -regex '.*\.\(woff2\|woff\|ttf\|eot\|svg\)' -exec cp {} "$dest/jupyter-widgets/" \;
fontawesome=$(version @fortawesome/fontawesome-free)
unpack @fortawesome/fontawesome-free "$fontawesome" "$work/fontawesome"
cp "$work/fontawesome/package/LICENSE.txt" "$dest/jupyter-widgets/FONT-AWESOME-LICENSE.txt"
"$root/.venv/bin/python" - "$dest/jupyter-widgets/LICENSE" <<'PY'
import sys
from importlib.metadata import distribution

dist = distribution("ipywidgets")
licence = next(f for f in dist.files if f.name == "LICENSE")
open(sys.argv[1], "w").write(licence.read_text())
PY

cat > "$dest/VENDORED.txt" <<EOF
Browser libraries served by the book from its own static files (written by
scripts/vendor_assets.sh; do not edit by hand).

mathjax/                 mathjax $mathjax (npm), es5/tex-svg-full.js; Apache-2.0, see mathjax/LICENSE
jupyter-widgets/         @jupyter-widgets/html-manager $manager (npm), dist/embed.js and its fonts;
                         BSD-3-Clause, see jupyter-widgets/LICENSE and embed.js.LICENSE.txt;
                         the fonts are Font Awesome Free, SIL OFL 1.1, see
                         jupyter-widgets/FONT-AWESOME-LICENSE.txt (from @fortawesome/fontawesome-free $fontawesome)
EOF
echo "vendored into $dest:"
du -sh "$dest"/*
