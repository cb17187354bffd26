#!/usr/bin/env python3
"""Write the reader notebooks: the book's chapters as a reader opens them in Jupyter or Colab.

The chapters in ``book/`` are written for the HTML book: MyST roles and directives, numbers
pasted from cells with ``glue``, solutions hidden by tags.  A reader who presses a launch
button, downloads a chapter or opens it in JupyterLab gets ``notebooks/<part>/<chapter>.ipynb``
instead, written from the source by this script:

* the first cell installs ``gcnn_teach`` pinned to its release (``scripts/sync_notebooks.py``);
* Markdown without MyST: ``{doc}`` becomes a link to the reader notebook (or to the page's
  source in the repository), ``{cite:p}`` and ``{cite:t}`` author-year text from
  ``book/references.bib``, ``{glue:text}`` the number itself, taken from the build's executed
  run (``_build/jupyter_execute``, seeded, so the result is the same on every build), theorems,
  proofs and admonitions a quote with a bold heading;
* each figure is the output of the cell that makes it, followed by its caption;
* solutions (cells tagged ``hide-cell``/``hide-input``) are collapsed: ``jupyter.source_hidden``
  (JupyterLab, Notebook 7) and ``cellView: form`` with a ``# @title`` line (Colab);
* ``from myst_nb import glue`` becomes ``from gcnn_teach.notebook import glue`` (no myst-nb, no
  Sphinx on the reader's machine); cells of the HTML book's live figures become a one-line note.

    .venv/bin/python scripts/reader_notebooks.py            # after `make book`: write notebooks/
    .venv/bin/python scripts/reader_notebooks.py --check    # exit 1 if notebooks/ is out of date

The values quoted in a reader notebook's text are recorded in its metadata
(``gcnn_teach.glued``), so ``--check`` needs no build: it rewrites every chapter with the
recorded values and compares.  (Some values are timings, different on every run: the
committed ones are those of the run that wrote them.)
    .venv/bin/python scripts/reader_notebooks.py --executed /tmp/build-x/_build/jupyter_execute book/part1/02_*.ipynb

Unknown roles and directives are errors, so that a chapter never reaches a reader with raw markup.
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import sync_notebooks  # noqa: E402

BOOK = ROOT / "book"
OUT = ROOT / "notebooks"
EXECUTED = ROOT / "_build" / "jupyter_execute"
BIB = BOOK / "references.bib"

ROLE = re.compile(r"\{([A-Za-z][\w:-]*)\}`([^`]*)`")
FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|:{3,})\{(?P<name>[\w:-]+)\}[ \t]*(?P<arg>.*?)[ \t]*$")
GLUE_IMPORT = "from myst_nb import glue"
READER_GLUE_IMPORT = "from gcnn_teach.notebook import glue  # the HTML book quotes glued values; here the text has them"
LIVE_NOTE = ("*In the HTML book a live figure follows here: it runs in the browser and needs no kernel. In this "
             "notebook, the cells around it compute and draw the same quantities.*")
SOLUTION_TITLE = "# @title Solution (show the code to read it)"
HIDDEN_TITLE = "# @title Code (hidden in the HTML book)"
PROOF_KINDS = {"theorem", "lemma", "definition", "proposition", "corollary", "example", "remark", "conjecture",
               "axiom", "criterion", "algorithm", "property", "observation", "assumption", "notation"}
ADMONITIONS = {"note", "tip", "hint", "important", "warning", "caution", "attention", "danger", "error", "seealso",
               "admonition", "exercise", "solution"}


class MarkupError(ValueError):
    """A role or directive the reader notebooks cannot translate."""


@dataclass
class Context:
    """What the translation of one chapter needs to know about the whole book."""

    source: Path                                  # the chapter, book/<part>/<name>.ipynb
    glued: dict = field(default_factory=dict)     # name -> text/plain of its glued value
    used: dict = field(default_factory=dict)      # the glued values this chapter's text quotes
    bib: dict = field(default_factory=dict)       # key -> (author text, year)
    titles: dict = field(default_factory=dict)    # book-relative path without suffix -> title
    labels: dict = field(default_factory=dict)    # prf label -> ("Theorem (title)", its page)
    repo: tuple[str, str] = ("", "main")

    @property
    def docname(self) -> PurePosixPath:
        return PurePosixPath(self.source.relative_to(ROOT).with_suffix("").as_posix())


# -- the book: bibliography, titles, labels ----------------------------------------------

def bibliography(path: Path = BIB) -> dict:
    """``key -> (authors, year)`` as the book cites them: "Cohen and Welling", "Weiler et al."."""
    from pybtex.database import parse_file

    entries = {}
    for key, entry in parse_file(str(path)).entries.items():
        people = entry.persons.get("author") or entry.persons.get("editor") or []
        names = [" ".join(_latex_text(part) for part in person.last_names) for person in people]
        if not names:
            authors = _latex_text(entry.fields.get("title", key))
        elif len(names) == 1:
            authors = names[0]
        elif len(names) == 2:
            authors = f"{names[0]} and {names[1]}"
        else:
            authors = f"{names[0]} et al."
        entries[key] = (authors, entry.fields.get("year", "n.d."))
    return entries


def _latex_text(text: str) -> str:
    return re.sub(r"[{}]", "", text).replace("\\&", "&").replace("--", "\u2013")


def titles(book: Path = BOOK) -> dict:
    """The first heading of every page of the book, by its path without suffix (``book/part1/02_...``)."""
    found = {}
    for path in sorted(book.rglob("*")):
        if path.suffix not in (".ipynb", ".md") or "_build" in path.parts or ".ipynb_checkpoints" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".ipynb":
            text = "\n".join(c.source for c in nbformat.reads(text, 4).cells if c.cell_type == "markdown")
        heading = re.search(r"^#\s+(.+?)\s*$", text, re.M)
        found[path.relative_to(book.parent).with_suffix("").as_posix()] = heading.group(1) if heading else path.stem
    return found


def proof_labels(book: Path = BOOK) -> dict:
    """``label -> ("Theorem (title)", page)`` for the theorem-like blocks of every chapter."""
    labels = {}
    for path in sync_notebooks.notebooks(book):
        page = path.relative_to(book.parent).with_suffix("").as_posix()
        for cell in nbformat.read(path, 4).cells:
            if cell.cell_type != "markdown":
                continue
            for match in re.finditer(r"^[`:]{3,}\{prf:(\w+)\}[ \t]*(.*)\n((?::\w+:.*\n)*)", cell.source, re.M):
                label = re.search(r"^:label:\s*(\S+)", match.group(3), re.M)
                if label:
                    title = match.group(2).strip()
                    labels[label.group(1)] = (match.group(1).capitalize() + (f" ({title})" if title else ""), page)
    return labels


def glued_values(executed: Path, docname: PurePosixPath) -> dict:
    """The values a chapter glued in the executed run: ``name -> text/plain``."""
    glue_file = executed / f"{docname}.glue.json"
    if glue_file.exists():
        data = json.loads(glue_file.read_text(encoding="utf-8"))
        values = {name: out.get("data", {}).get("text/plain", "") for name, out in data.items()}
        values |= {f"{name}#md": out["data"]["text/markdown"] for name, out in data.items()
                   if "text/markdown" in out.get("data", {})}  # for {glue:md}
        return values
    run = executed / f"{docname}.ipynb"
    if not run.exists():
        raise FileNotFoundError(f"no executed run of {docname} in {executed} (run `make book` first)")
    values = {}
    for cell in nbformat.read(run, 4).cells:
        for out in cell.get("outputs", []):
            name = out.get("metadata", {}).get("scrapbook", {}).get("name")
            if name:
                values[name] = next((v for k, v in out.get("data", {}).items() if k.endswith("text/plain")), "")
    return values


# -- Markdown ------------------------------------------------------------------------------

def role(name: str, content: str, ctx: Context) -> str:
    """The plain Markdown for one MyST role."""
    text, target = _split_target(content)
    if name in ("glue:text", "glue"):
        from myst_nb.core.variables import format_plain_text

        key, _, spec = content.rpartition(":") if ":" in content else (content, "", "")
        key = key or content
        if "::" in key:
            raise MarkupError(f"{{{name}}}`{content}`: values glued in another chapter are not supported")
        if key not in ctx.glued:
            raise MarkupError(f"{{{name}}}`{content}`: {key!r} was not glued in the executed run of {ctx.docname}")
        ctx.used[key] = ctx.glued[key]
        return format_plain_text(ctx.glued[key], spec if name == "glue:text" else "")
    if name == "glue:md":
        key = f"{content.strip()}#md"
        if key not in ctx.glued:
            raise MarkupError(f"{{glue:md}}`{content}`: no Markdown glued as {content!r} in the executed run of {ctx.docname}")
        ctx.used[key] = ctx.glued[key]
        return markdown(ctx.glued[key], ctx)
    if name == "doc":
        return _doc_link(text, target, ctx)
    if name in ("cite:p", "cite:t", "cite:ps", "cite:ts", "cite"):
        cites = []
        for key in (k.strip() for k in content.split(",")):
            if key not in ctx.bib:
                raise MarkupError(f"{{{name}}}`{content}`: {key!r} is not in {BIB.name}")
            cites.append(ctx.bib[key])
        if name.startswith("cite:t"):
            return "; ".join(f"{authors} ({year})" for authors, year in cites)
        return "(" + "; ".join(f"{authors}, {year}" for authors, year in cites) + ")"
    if name == "prf:ref":
        if target not in ctx.labels:
            raise MarkupError(f"{{prf:ref}}`{content}`: no theorem-like block labelled {target!r} in the book")
        named, page = ctx.labels[target]
        named = text if text != target else named
        if page == str(ctx.docname):
            return named
        return f"{named} of {_doc_link('/' + page, '/' + page, ctx)}"  # in another chapter
    if name == "download":
        return f"[{text}]({target})"
    if name == "math":
        return f"${content}$"
    if name in ("ref", "numref", "term", "abbr", "eq", "sub", "sup", "kbd", "code"):
        if name in ("sub", "sup", "kbd"):
            return f"<{name}>{content}</{name}>"
        if name == "code":
            return f"`{content}`"
        return text if text != target else target.replace("-", " ")
    raise MarkupError(f"{ctx.docname}: no translation for the role {{{name}}}`{content}`")


def _split_target(content: str) -> tuple[str, str]:
    match = re.fullmatch(r"\s*(.*?)\s*<([^<>]+)>\s*", content, re.S)
    return (match.group(1), match.group(2)) if match else (content, content)


def _doc_link(text: str, target: str, ctx: Context) -> str:
    path = (ctx.docname.parent / target) if not target.startswith("/") else PurePosixPath(target.lstrip("/"))
    parts = []
    for part in path.parts:  # normalise ../
        if part == "..":
            parts.pop()
        elif part != ".":
            parts.append(part)
    page = PurePosixPath(*parts)
    title = ctx.titles.get(str(page))
    if title is None:
        raise MarkupError(f"{ctx.docname}: {{doc}}`{target}` names no page of the book")
    label = title if text == target else text
    if (ROOT / f"{page}.ipynb").exists():  # a chapter: its reader notebook, next to this one
        here = PurePosixPath(*ctx.docname.parent.parts[1:])
        there = PurePosixPath(*page.parts[1:]).with_suffix(".ipynb")
        return f"[{label}]({_relative(there, here)})"
    url, branch = ctx.repo  # a page of the HTML book (notation, API): its source in the repository
    return f"[{label}]({url}/blob/{branch}/{page}.md)"


def _relative(path: PurePosixPath, start: PurePosixPath) -> str:
    up = [".."] * len(start.parts)
    common = 0
    while common < min(len(path.parts) - 1, len(start.parts)) and path.parts[common] == start.parts[common]:
        common += 1
    return "/".join(up[common:] + list(path.parts[common:]))


def directive(name: str, arg: str, options: dict, body: str, ctx: Context) -> str:
    """The plain Markdown for one MyST directive (its body already translated)."""
    kind = name.split(":")[-1]
    if name.startswith("prf:") and kind in PROOF_KINDS:
        heading = f"**{kind.capitalize()}" + (f" ({arg})" if arg else "") + ".**"
        return _quote(f"{heading} {body}")
    if name == "prf:proof":
        return _quote(f"*Proof.* {body} $\\blacksquare$")
    if name in ADMONITIONS:
        heading = arg if name == "admonition" else (arg or {"seealso": "See also"}.get(name, name.capitalize()))
        return _quote(f"**{heading}.** {body}")
    if name in ("figure", "image"):
        alt = options.get("alt", "")
        image = f"![{alt}]({arg})"
        return f"{image}\n\n*{body}*" if body.strip() else image
    if name in ("math",):
        return f"$$\n{body}\n$$"
    if name in ("code-block", "code", "code-cell"):
        return f"```{arg}\n{body}\n```"
    if name == "glue:figure":  # a figure glued from a cell: the cell shows it, its caption follows here
        return f"**Figure.** {body}" if body.strip() else ""
    raise MarkupError(f"{ctx.docname}: no translation for the directive {{{name}}}")


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" if line.strip() else ">" for line in text.strip().split("\n"))


def markdown(text: str, ctx: Context) -> str:
    """``text`` without MyST: directives and roles translated, targets and comments dropped."""
    lines = text.split("\n")
    out, i = [], 0
    while i < len(lines):
        match = FENCE.match(lines[i])
        if not match:
            line = lines[i]
            i += 1
            if re.fullmatch(r"\s*\([\w:.-]+\)=\s*", line) or re.match(r"%( |$)", line):
                continue  # a MyST target or comment
            out.append(line)
            continue
        fence, name = match.group("fence"), match.group("name")
        end = i + 1
        while end < len(lines) and not re.fullmatch(rf"\s*{re.escape(fence[0])}{{{len(fence)},}}\s*", lines[end]):
            end += 1
        if end == len(lines):
            raise MarkupError(f"{ctx.docname}: the directive {{{name}}} is not closed")
        body_lines = lines[i + 1 : end]
        options = {}
        while body_lines and (option := re.fullmatch(r":([\w-]+):\s*(.*)", body_lines[0])):
            options[option.group(1)] = option.group(2)
            body_lines.pop(0)
        body = markdown("\n".join(body_lines).strip("\n"), ctx)
        out.append(directive(name, match.group("arg"), options, body, ctx))
        i = end + 1
    text = "\n".join(out)
    text = ROLE.sub(lambda m: role(m.group(1), m.group(2), ctx), text)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


# -- cells ---------------------------------------------------------------------------------

def _figure_caption(cell, ctx: Context) -> str | None:
    figure = cell.get("metadata", {}).get("mystnb", {}).get("figure", {})
    caption = figure.get("caption")
    return f"**Figure.** {markdown(caption, ctx)}" if caption else None


def _unglue_figures(source: str) -> tuple[str, bool]:
    """Drop ``glue("name", fig, display=False)`` and ``plt.close(fig)``: the cell shows its figure."""
    lines = source.split("\n")
    kept = [line for line in lines if not re.fullmatch(r'\s*glue\(\s*"[^"]+",\s*fig\s*,\s*display=False\)\s*', line)]
    if len(kept) == len(lines):
        return source, False
    kept = [line for line in kept if not re.fullmatch(r"\s*plt\.close\(fig\)\s*", line)]
    return "\n".join(kept).rstrip(), True


def _hidden(cell, title: str):
    """Code collapsed in JupyterLab (``jupyter.source_hidden``) and Colab (a form with a title)."""
    cell.metadata.setdefault("jupyter", {})["source_hidden"] = True
    cell.metadata["cellView"] = "form"
    if not cell.source.startswith("# @title"):
        cell.source = f"{title}\n{cell.source}"
    return cell


def reader_notebook(source: Path, ctx: Context):
    """The reader notebook of the chapter ``source``."""
    nb = nbformat.read(source, 4)
    reader = copy.deepcopy(nb)
    cells = []
    with_ids = (nb.nbformat, nb.nbformat_minor) >= (4, 5)
    install = sync_notebooks.install_cell(sync_notebooks.current_source(ROOT / "_config.yml"), with_ids)
    install["metadata"], install["source"] = {}, "".join(install["source"])
    cells.append(nbformat.from_dict(install))
    for cell in reader.cells:
        tags = set(cell.metadata.get("tags", []))
        if cell.cell_type == "code" and sync_notebooks.is_install_cell(cell):
            continue
        if "live-figure" in tags:
            cells.append(_note(cell, LIVE_NOTE, with_ids))
            continue
        if "remove-cell" in tags and cell.cell_type == "markdown":
            continue
        if cell.cell_type == "markdown":
            cell.source = markdown(cell.source, ctx)
            if cell.source.strip():
                cells.append(cell)
            continue
        if cell.cell_type == "code":
            cell.source = cell.source.replace(GLUE_IMPORT, READER_GLUE_IMPORT)
            cell.source, _ = _unglue_figures(cell.source)
            cell.outputs, cell.execution_count = [], None
            if tags & {"hide-cell", "hide-input"}:  # the exercises' solutions
                _hidden(cell, SOLUTION_TITLE)
            elif tags & {"remove-input", "remove-cell"}:
                _hidden(cell, HIDDEN_TITLE)
            if "hide-cell" in tags:  # the output gives the answer away too
                cell.metadata["jupyter"]["outputs_hidden"] = True
            cells.append(cell)
            caption = _figure_caption(cell, ctx)
            if caption:
                cells.append(_note(cell, caption, with_ids, suffix="caption"))
            continue
        cells.append(cell)
    reader.cells = cells
    reader.metadata.setdefault("colab", {})["provenance"] = []
    # the values quoted in the text, as the run that wrote it computed them (--check reuses them)
    reader.metadata["gcnn_teach"] = {"glued": dict(sorted(ctx.used.items()))}
    return reader


def _note(cell, text: str, with_ids: bool, suffix: str = "note"):
    note = nbformat.v4.new_markdown_cell(text)
    if with_ids and "id" in cell:
        note.id = f"{cell.id}-{suffix}"[:64]
    else:
        note.pop("id", None)
    return note


def context(source: Path, executed: Path | None, book_context: dict) -> Context:
    """What translating ``source`` needs: the glued values of the run in ``executed``, or with
    ``executed=None`` those recorded in the chapter's reader notebook (see ``--check``)."""
    ctx = Context(source=source.resolve(), **book_context)
    if executed is not None:
        ctx.glued = glued_values(executed, ctx.docname)
    elif target(source).exists():
        ctx.glued = json.loads(target(source).read_text(encoding="utf-8"))["metadata"].get("gcnn_teach", {}).get(
            "glued", {})
    return ctx


def book_context() -> dict:
    return {"bib": bibliography(), "titles": titles(), "labels": proof_labels(),
            "repo": sync_notebooks.repository(ROOT / "_config.yml")}


def target(source: Path) -> Path:
    """``book/<part>/<name>.ipynb`` -> ``notebooks/<part>/<name>.ipynb``."""
    return OUT / source.resolve().relative_to(BOOK)


def dumps(notebook) -> str:
    return sync_notebooks.dumps(json.loads(nbformat.writes(notebook)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, help="chapters (default: every notebook under book/)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if notebooks/ differs from what its sources give")
    parser.add_argument("--executed", type=Path, default=EXECUTED, help="the build's executed notebooks")
    args = parser.parse_args(argv)

    shared = book_context()
    sources = args.paths or sync_notebooks.notebooks(BOOK)
    stale = []
    for source in sources:
        path = target(source)
        try:
            text = dumps(reader_notebook(source, context(source, None if args.check else args.executed, shared)))
        except MarkupError as error:
            if not (args.check and "was not glued" in str(error)):
                raise
            text = None  # the chapter quotes a value its reader notebook does not have yet
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(path)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return sync_notebooks.report([p.relative_to(ROOT) for p in stale], args.check,
                                 "out of date" if args.check else "written",
                                 "run (after `make book`): .venv/bin/python scripts/reader_notebooks.py")


if __name__ == "__main__":
    sys.exit(main())
