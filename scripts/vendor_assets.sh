#!/usr/bin/env bash
# Refresh the browser libraries that the built book serves from its own static files, so
# that the HTML works offline (no CDN): MathJax 3 (SVG output, so no web fonts), the
# Jupyter widgets HTML manager (renders saved widget state, e.g. tqdm progress bars), and
# the few Font Awesome icons that the theme shows.
#
#   scripts/vendor_assets.sh        # needs npm; run it only to change a version or an icon
#
# The versions are the "vendored" entries of package.json. Each package is fetched with
# `npm pack` (the registry's own tarball, checked against its integrity hash by npm) and
# only the files the book loads are copied, with their licences, into book/_static/vendor/
# (the icon script into book/_static/scripts/). The result is committed, so `make book`
# needs no Node.
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
mkdir -p "$dest/mathjax" "$dest/jupyter-widgets" "$dest/fontawesome"

# MathJax: not the single-file build with every TeX extension (2.3 MB), but its loader and
# the components the book's maths needs, which the loader adds as script tags (that works
# from file:// too): the TeX input with the packages the book uses (base; ams for
# \operatorname, aligned, \lVert), SVG output and its font, and assistive MathML for screen
# readers. _config.yml's mathjax3_config (loader.load, tex.packages) names the same list;
# a component it names that is not here is a failed request in the browser tests, and a
# TeX command of a package left out is a MathJax error there.
mathjax=$(version mathjax)
unpack mathjax "$mathjax" "$work/mathjax"
mathjax_components=(startup.js core.js input/tex-base.js input/tex/extensions/ams.js
                    output/svg.js output/svg/fonts/tex.js a11y/assistive-mml.js)
for component in "${mathjax_components[@]}"; do
    mkdir -p "$dest/mathjax/$(dirname "$component")"
    cp "$work/mathjax/package/es5/$component" "$dest/mathjax/$component"
done
cp "$work/mathjax/package/LICENSE" "$dest/mathjax/"
# The SVG font holds the glyph outlines of every TeX alphabet. The book's maths uses no
# fraktur (\mathfrak), sans-serif (\mathsf), old-style digits or bold italic (\boldsymbol),
# so their outlines (about 150 kB) are left out; tests/test_book.py checks that no source
# uses those alphabets.
"$root/.venv/bin/python" - "$dest/mathjax/output/svg/fonts/tex.js" <<'PY'
import re
import sys
from pathlib import Path

DROPPED = ["fraktur", "frakturBold", "sansSerif", "sansSerifBold", "sansSerifItalic", "sansSerifBoldItalic",
           "texOldstyle", "texOldstyleBold",
           # bold italic and bold calligraphic: only \boldsymbol reaches them, and the book's TeX
           # packages (base, ams) do not define it
           "boldItalic", "texCalligraphicBold"]
path = Path(sys.argv[1])
text = path.read_text(encoding="utf-8")
for variant in DROPPED:
    opening = re.search(r"T\.%s=\(0,\w+\.AddPaths\)\(\w+\.%s,\{" % (variant, variant), text)
    start = opening.end() - 1
    depth, i = 0, start
    while True:  # the outlines: {code: "path", ...}; braces occur only as the object's own
        if text[i] == '"':
            i = text.index('"', i + 1)
        elif text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                break
        i += 1
    text = text[:start] + "{}" + text[i + 1:]
path.write_text(text, encoding="utf-8")
PY

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

# The theme's icons. pydata-sphinx-theme loads _static/scripts/fontawesome.js: Font Awesome's
# script with every icon (1.5 MB) on every page. The book shows a handful, so
# book/_static/scripts/fontawesome.js, which Sphinx copies over the theme's file of that
# name, is Font Awesome's own script (js/fontawesome.min.js, which draws
# <i class="fa-solid fa-bars"> as inline SVG, as the theme's does) with only the icons below,
# cut from the icon packs of the theme's Font Awesome version ("fontawesome-theme-icons").
# tests/test_book.py checks that every icon a built page names is in it.
theme_icons=$(version fontawesome-theme-icons)
unpack @fortawesome/fontawesome-free "$theme_icons" "$work/theme-icons"
cp "$work/theme-icons/package/LICENSE.txt" "$dest/fontawesome/LICENSE.txt"
mkdir -p book/_static/scripts
"$root/.venv/bin/python" - "$work/theme-icons/package/js" book/_static/scripts/fontawesome.js "$theme_icons" <<'PY'
import re
import sys
from pathlib import Path

ICONS = {  # icon pack: the icons the book's pages show (xmark: the theme's search dialog)
    "solid": ["angle-left", "angle-right", "arrow-up", "bars", "circle-half-stroke", "download",
              "expand", "file", "file-pdf", "list", "magnifying-glass", "moon", "outdent", "rocket",
              "sun", "xmark"],
    "brands": ["github"],
}
js, out, version = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
parts = [f"/* Font Awesome Free {version}: its script and only the icons the book shows (written by\n"
         " * scripts/vendor_assets.sh; do not edit by hand). Icons CC BY 4.0, code MIT: see\n"
         " * vendor/fontawesome/LICENSE.txt. */"]
# One icon pack: solid.js's code (which registers its icons with the core script) with the
# chosen solid icons, and the chosen brand icons registered by the same code.
PREFIXES = {"solid": ("fas", "fa-solid"), "brands": ("fab", "fa-brands")}
opening, closing = "  var icons = {\n", "\n  };\n"
chosen = {}
for pack, names in ICONS.items():
    text = (js / f"{pack}.js").read_text(encoding="utf-8")
    start = text.index(opening) + len(opening)
    entries = {re.match(r'\s*"([^"]+)"', line).group(1): line.rstrip(",")
               for line in text[start:text.index(closing, start)].split("\n")}
    missing = [name for name in names if name not in entries]
    if missing:
        sys.exit(f"Font Awesome {version} has no {pack} icon {missing}")
    chosen[pack] = ",\n".join(entries[name] for name in names)
solid = (js / "solid.js").read_text(encoding="utf-8")
start = solid.index(opening)
end = solid.index(closing, start) + len(closing)
registration = "    defineIcons('fas', icons);\n    defineIcons('fa-solid', icons);\n"
assert registration in solid[end:], "solid.js registers its icons differently: update vendor_assets.sh"
icons = "".join(f"  var icons_{pack} = {{\n{chosen[pack]}\n  }};\n" for pack in ICONS)
register = "".join(f"    defineIcons('{prefix}', icons_{pack});\n" for pack in ICONS for prefix in PREFIXES[pack])
parts.append(solid[:start] + icons + solid[end:].replace(registration, register))
parts.append((js / "fontawesome.min.js").read_text(encoding="utf-8"))
out.write_text("\n".join(parts), encoding="utf-8")
PY

cat > "$dest/VENDORED.txt" <<EOF
Browser libraries served by the book from its own static files (written by
scripts/vendor_assets.sh; do not edit by hand).

mathjax/                 mathjax $mathjax (npm), es5/: startup.js and the components it loads,
                         ${mathjax_components[*]:1} (its SVG font without the fraktur,
                         sans-serif and old-style outlines); Apache-2.0, see mathjax/LICENSE
jupyter-widgets/         @jupyter-widgets/html-manager $manager (npm), dist/embed.js and its fonts;
                         BSD-3-Clause, see jupyter-widgets/LICENSE and embed.js.LICENSE.txt;
                         the fonts are Font Awesome Free, SIL OFL 1.1, see
                         jupyter-widgets/FONT-AWESOME-LICENSE.txt (from @fortawesome/fontawesome-free $fontawesome)
../scripts/fontawesome.js  the theme's icons (package.json: fontawesome-theme-icons $theme_icons), from
                         @fortawesome/fontawesome-free $theme_icons (npm), js/fontawesome.min.js and the icons the book
                         shows, from js/solid.js and js/brands.js (registered by solid.js's code); icons CC BY 4.0,
                         code MIT, see fontawesome/LICENSE.txt
EOF
echo "vendored into $dest:"
du -sh "$dest"/* book/_static/scripts/fontawesome.js
