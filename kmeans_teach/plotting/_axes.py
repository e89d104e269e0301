"""Small helpers for Axes limits, shared by the plotting modules."""

from __future__ import annotations

import numpy as np

__all__ = ["padded_limits"]

#: The margin around the data, as a share of its range on each axis.
PAD = 0.08


def padded_limits(X, pad=PAD):
    """The x and y limits that show the points of X with a margin.

    Parameters
    ----------
    X : array-like of shape (n_samples, 2)
        The points (only the first two columns are used).
    pad : float, default=0.08
        The margin on each side, as a share of the data's range on that axis.

    Returns
    -------
    xlim, ylim : (float, float)

    Examples
    --------
    >>> padded_limits([[0.0, 10.0], [1.0, 20.0]])
    ((-0.08, 1.08), (9.2, 20.8))
    """
    X = np.asarray(X)
    lo, hi = X[:, :2].min(axis=0), X[:, :2].max(axis=0)
    margin = pad * (hi - lo)
    return ((float(lo[0] - margin[0]), float(hi[0] + margin[0])),
            (float(lo[1] - margin[1]), float(hi[1] + margin[1])))
