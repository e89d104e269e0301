"""A progress bar for the one-time computations of the apps."""

from __future__ import annotations

import ipywidgets as widgets
from IPython.display import display

__all__ = ["progress"]


def progress(iterable, description, *, total=None, show=True):
    """Yield from ``iterable`` while an ``ipywidgets.IntProgress`` bar fills up.

    The bar is displayed once (its stored text form is the same on every
    run, so strict nbval is happy) and only its value changes afterwards.

    Parameters
    ----------
    iterable : iterable
        The items to go through (read into a list first when ``total`` is None).
    description : str
        The bar's label.
    total : int or None, default=None
        The number of items; None counts them.
    show : bool, default=True
        Display the bar; False runs silently (tests and benchmarks).

    Yields
    ------
    item : object
        Each item of ``iterable`` in turn; the bar moves on after each.

    Examples
    --------
    >>> sum(progress(range(5), "adding", show=False))
    10
    """
    items = list(iterable) if total is None else iterable
    total = len(items) if total is None else total
    bar = widgets.IntProgress(value=0, min=0, max=total, description=description,
                              style={"description_width": "initial"})
    if show:
        display(bar)
    for item in items:
        yield item
        bar.value += 1
