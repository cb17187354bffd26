"""API reference: a docstring may name an object the way a reader imports it.

The API pages (book/api/) document every object once, in the module that defines it
(``gcnn_teach.data.canvas.canvas_digits``). Docstrings often name it the way a reader
imports it instead: through a package that re-exports it (``gcnn_teach.data.canvas_digits``)
or through a name imported into the current module (``DigitSplit.subset`` inside
``gcnn_teach.experiment``). When Sphinx cannot resolve such a reference, this extension
imports the name, finds where the object is defined (``__module__`` and ``__qualname__``)
and resolves the reference there. A name that does not import still fails the build.
"""

from __future__ import annotations

import importlib

PACKAGE = "gcnn_teach"


def import_dotted(name: str):
    """The object called ``name`` (``package.module.Class.attribute``), or None."""
    parts = name.split(".")
    for split in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        try:
            for attribute in parts[split:]:
                obj = getattr(obj, attribute)
        except AttributeError:
            return None
        return obj
    return None


def defined_as(obj) -> str | None:
    """``module.qualname`` of the place where ``obj`` is defined (functions, classes, methods)."""
    obj = getattr(obj, "fget", obj)  # a property: where its getter is defined
    module, qualname = getattr(obj, "__module__", None), getattr(obj, "__qualname__", None)
    if not module or not qualname or not module.startswith(PACKAGE) or "<" in qualname:
        return None
    return f"{module}.{qualname}"


def resolve_by_definition(app, env, node, contnode):
    if node.get("refdomain") != "py":
        return None
    target = node["reftarget"].lstrip("~.")
    context = [node.get("py:module"), ".".join(filter(None, [node.get("py:module"), node.get("py:class")]))]
    candidates = [target] + [f"{prefix}.{target}" for prefix in context if prefix]
    for name in candidates:
        if not name.startswith(PACKAGE + "."):
            continue
        definition = defined_as(import_dotted(name))
        if definition and definition != name:
            domain = env.get_domain("py")
            return domain.resolve_xref(env, node["refdoc"], app.builder, node["reftype"], definition, node, contnode)
    return None


def setup(app):
    app.connect("missing-reference", resolve_by_definition)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
