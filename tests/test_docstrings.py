"""Every public function, method and class of kmeans_teach has a numpydoc docstring.

numpydoc's own validator (``numpydoc.validate.validate``, the one scikit-learn runs in
its ``test_docstrings.py``) reads each docstring against the object's signature. Public
means reachable from the ``__all__`` of ``kmeans_teach``, ``kmeans_teach.plotting``,
``kmeans_teach.apps``, ``kmeans_teach.exercises`` and ``kmeans_teach.distributed`` by a
name without a leading underscore: the functions and classes listed there, and the
public methods and properties of those classes (each counted once, in the class of the
package that defines it).

Two checks of our own complete numpydoc's: RC01, a record's fields are all described
under Attributes; AT01, every Parameters or Attributes entry has a type and a description.
"""

import dataclasses
import functools
import importlib
import inspect
import warnings

from numpydoc.docscrape import NumpyDocString
from numpydoc.validate import validate

NAMESPACES = [
    "kmeans_teach",
    "kmeans_teach.plotting",
    "kmeans_teach.apps",
    "kmeans_teach.exercises",
    "kmeans_teach.distributed",
]

# The numpydoc checks that must pass. Left out, on purpose:
# GL01, GL02  the house writes the summary on the opening quotes' line (PEP 257).
# SS05        "start with an infinitive": it flags any first word ending in s, so
#             noun summaries ("Bits per pixel of ...") fail; a reviewer judges this.
# SS06        summaries of two lines are allowed where one would be cramped.
# PR08, PR09, RT04, RT05  capital letter / full stop in descriptions: the house often
#             starts with a number or a code name ("0 for the initial centers").
# RT02        scikit-learn's style names what is returned (``labels : ndarray``).
# ES01, SA01, EX01  an extended summary, See Also and Examples are welcome, not required.
# PR06        "use int, not integer": short aliases are the house style already.
CHECKS = {
    "GL03",  # no double blank lines
    "GL05",  # no tabs
    "GL06",  # only known sections
    "GL07",  # sections in numpydoc's order
    "GL08",  # a docstring exists
    "SS01",  # a summary line
    "SS02",  # which starts with a capital letter
    "SS03",  # and ends with a full stop
    "PR01",  # every parameter of the signature documented
    "PR02",  # no documented parameter that the signature lacks
    "PR03",  # parameters documented in the signature's order
    "PR04",  # each with a type
    "PR07",  # and a description
    "RT01",  # a Returns section when the function returns something
    "RT03",  # the returned value described
    "YD01",  # a Yields section for a generator
}
# Checks about a constructor's parameters. A record (a dataclass or a NamedTuple that
# the package returns, never one a user builds) documents its fields as Attributes
# instead, checked by `_record_problems` below.
CONSTRUCTOR_CHECKS = {"PR01", "PR02", "PR03", "PR04", "PR07"}


def _in_package(obj):
    return getattr(obj, "__module__", "").startswith("kmeans_teach")


def _members(klass):
    """(name, function) of the public methods and properties `klass` itself defines."""
    for name, value in vars(klass).items():
        if name.startswith("_"):
            continue
        if isinstance(value, property):
            value = value.fget
        elif isinstance(value, functools.cached_property):
            value = value.func
        elif isinstance(value, (staticmethod, classmethod)):
            value = value.__func__
        if inspect.isfunction(value) and _in_package(value):
            yield name, value


def public_objects():
    """Import path -> object for every public function, class, method and property."""
    found = {}
    for namespace in NAMESPACES:
        module = importlib.import_module(namespace)
        for name in module.__all__:
            obj = getattr(module, name)
            if not _in_package(obj):
                continue
            if inspect.isfunction(obj):
                found.setdefault(f"{obj.__module__}.{obj.__qualname__}", obj)
            elif inspect.isclass(obj):
                found.setdefault(f"{obj.__module__}.{obj.__qualname__}", obj)
                for klass in obj.__mro__:
                    if _in_package(klass):
                        for member, function in _members(klass):
                            found.setdefault(f"{klass.__module__}.{klass.__qualname__}.{member}", function)
    return found


def _is_record(obj):
    return inspect.isclass(obj) and (dataclasses.is_dataclass(obj) or hasattr(obj, "_fields"))


def _fields(record):
    if dataclasses.is_dataclass(record):
        return [f.name for f in dataclasses.fields(record) if not f.name.startswith("_")]
    return [name for name in record._fields if not name.startswith("_")]


def _documented_names(doc, section):
    names = set()
    for param in NumpyDocString(doc or "")[section]:
        names.update(n.strip() for n in param.name.split(","))
    return names


def _record_problems(record):
    """A record's fields must all be described under Attributes (or Parameters)."""
    documented = set()
    for klass in record.__mro__:  # a subclass of a record may leave its parent's fields to it
        if _in_package(klass):
            doc = inspect.cleandoc(klass.__doc__ or "")
            documented |= _documented_names(doc, "Attributes") | _documented_names(doc, "Parameters")
    missing = [f for f in _fields(record) if f not in documented]
    return [("RC01", f"record fields not under Attributes: {missing}")] if missing else []


def _undescribed_entries(obj):
    """Every Parameters (and a class's Attributes) entry needs a type and a description.

    numpydoc's PR07 skips a parameter whose type is a set of values (``{"a", "b"}``),
    and checks no Attributes; this covers both.
    """
    doc = NumpyDocString(inspect.getdoc(obj) or "")
    bare = [p.name for section in ("Parameters", "Attributes") for p in doc[section]
            if not p.name.startswith("*") and (not p.type.strip() or not "".join(p.desc).strip())]
    return [("AT01", f"entries without a type or a description: {bare}")] if bare else []


def _described_by_owner(path):
    """True for a property that its class describes under Attributes."""
    owner_path, _, name = path.rpartition(".")
    module_name, _, class_name = owner_path.rpartition(".")
    try:
        owner = getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError):
        return False
    if not inspect.isclass(owner):
        return False
    is_property = isinstance(inspect.getattr_static(owner, name, None), (property, functools.cached_property))
    return is_property and name in _documented_names(inspect.getdoc(owner), "Attributes")


def problems(path, obj):
    """The failed checks of one public object, as (code, message) pairs."""
    with warnings.catch_warnings(record=True) as caught:
        # numpydoc reads every attribute of a class, including ipywidgets' deprecated
        # class attributes (Widget._active_widgets): their DeprecationWarning is not ours.
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("always", UserWarning)
        result = validate(path)
        skip = CONSTRUCTOR_CHECKS if _is_record(obj) else set()
        errors = [(code, msg) for code, msg in result["errors"] if code in CHECKS - skip]
        if _is_record(obj):
            errors += _record_problems(obj)
        errors += _undescribed_entries(obj)
        # A property described under its class's Attributes needs no docstring of its
        # own (numpydoc's convention for properties).
        if [code for code, _ in errors] == ["GL08"] and _described_by_owner(path):
            errors = []
    # numpydoc warns (and does not fail) on a section it does not know, e.g. a misspelt one.
    errors += [("GL06", str(w.message)) for w in caught
               if issubclass(w.category, UserWarning) and "section" in str(w.message).lower()]
    return errors


PUBLIC = public_objects()


def test_the_public_objects_are_found():
    # every function and class of every namespace, and the classes' own methods
    for namespace in NAMESPACES:
        module = importlib.import_module(namespace)
        for name in module.__all__:
            obj = getattr(module, name)
            if _in_package(obj) and (inspect.isfunction(obj) or inspect.isclass(obj)):
                assert any(found is obj for found in PUBLIC.values()), f"{namespace}.{name} is not checked"
    assert "kmeans_teach.apps.base.SliderApp.render_png" in PUBLIC
    assert "kmeans_teach.engine.Trace.final" in PUBLIC  # a property


def test_every_public_object_passes_numpydoc_validation():
    offenders = {}
    for path, obj in sorted(PUBLIC.items()):
        errors = problems(path, obj)
        if errors:
            offenders[path] = errors
    report = "\n".join(
        f"{path}:\n" + "\n".join(f"    {code}: {msg}" for code, msg in errors)
        for path, errors in offenders.items()
    )
    assert not offenders, f"{len(offenders)} of {len(PUBLIC)} public objects fail numpydoc's checks:\n{report}"
