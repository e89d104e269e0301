"""Hints on request, in layers: the first call gives an idea, each further call a stronger one.

The exercise stubs hold no code of the answer. A student who is stuck asks, in a cell of
their own, ``kt.hint("e_step")``: the first call gives hint 1, the next hint 2, and so
on; the last names the NumPy or SciPy functions that do the work and comes close to the
code. The checkers' replies name the case that failed, and the slips they recognise; the
inertia and slope checkers point here when they recognise no slip, the GMM checker when a
row is not finite. The solutions are at the end of each
lesson. The count of hints given starts again when the kernel restarts.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Hint", "hint"]

#: exercise name (as in ``kt.hint(name)``) -> (lesson, its hints from weakest to strongest)
HINTS = {
    "e_step": ("01", (
        "The label of a point is the index of its nearest center. Squared distances order the "
        "centers as distances do, so start from a table of squared distances: one row per "
        "point, one column per center.",
        "NumPy builds that table without a loop: give X an axis for the centers and centers an "
        "axis for the points (None in the index), so that their difference has shape "
        "(n_points, n_centers, n_features); square it and add up over the features' axis.",
        "In each row of the table, the column of the smallest entry is the point's label: "
        "np.argmin along the centers' axis. Return one integer per point.",
    )),
    "d2_step": ("02", (
        "Do the three steps one at a time and print what each gives on a tiny example. A point "
        "that is one of the centers has D² = 0: its share is empty, so whatever u is, it must "
        "never be picked.",
        "D² of a point is the smallest entry of its row in the table of squared distances to "
        "the chosen centers (one row per point, one column per center, built by broadcasting as "
        'kt.hint("e_step", level=2) describes); divide by the sum of all D².',
        "The running sum of D² (np.cumsum), divided by its last value, is the cumulative "
        "probability. Its last value is the sum of all D² up to rounding; dividing by it makes "
        "the cumulative probability end at exactly 1, so that even a u just below 1 finds a "
        "point. The pick is the first point at which it is greater "
        "than u (a point with D² = 0 adds nothing to it, so it is never picked): np.searchsorted "
        "with side='right' finds that position in a sorted array. Return it as a Python int.",
    )),
    "inertia": ("03", (
        "Each point adds one term: its squared distance to the center of its own cluster, the "
        "one its label names (not its nearest center, and not every center).",
        "You need, for every point, the row of its own center. Indexing centers with the whole "
        "labels array gives all of them at once: an array with the shape of X.",
        "centers[labels] is that array: subtract it from X, square, and add everything up "
        "(np.sum).",
    )),
    "knn_affinity": ("04", (
        "Start from the squared distances between all pairs of points: an n × n table, built by "
        'broadcasting as kt.hint("e_step", level=2) describes, with the points in place of the '
        "centers.",
        "In each row, the n_neighbors smallest entries are the neighbours (the point itself is "
        "one of them, at distance 0): np.argsort with axis=1 orders each row's columns, and the "
        "first n_neighbors of each row are the ones to keep.",
        "Put a 1 in C at those columns of each row: index C with a column of row numbers, "
        "np.arange(len(X))[:, None], beside the kept columns (or loop over the rows), then return "
        "the average of C and its transpose.",
    )),
    "loglog_slope": ("07", (
        "On log-log axes a power law y = a·x^b is a straight line: log y = log a + b·log x. Its "
        "slope b is the number to return.",
        "Take the logarithm of x and of y (any base, the same for both: the slope does not "
        "change), then fit one straight line through all the points by least squares.",
        "np.polyfit with deg=1 fits that line and returns the slope first, then the intercept.",
    )),
    "gmm_e_step": ("08", (
        "Compute every point's weighted density under every component, then divide each row by "
        "its sum. The catch: far from every mean the densities underflow to 0, and 0 / 0 is NaN.",
        "Work with logarithms: log weight_k + log N(x | mean_k, cov_k) does not underflow. "
        "scipy.stats.multivariate_normal(mean, cov).logpdf(X) gives log N for all points at "
        "once; put them in a table with one row per point and one column per component.",
        "From each row of logs subtract the row's log-sum-exp (scipy.special.logsumexp over the "
        "components, keepdims=True), then take np.exp: each row sums to 1, with no NaN.",
    )),
}

_ASKED = {}  # exercise name -> how many hints were given


@dataclass(frozen=True)
class Hint:
    """One hint for an exercise; its repr is the sentence a notebook cell shows.

    Attributes
    ----------
    exercise : str
        The exercise's name, as passed to :func:`hint`.
    level : int
        Which hint this is, from 1 (the weakest).
    of : int
        How many hints the exercise has.
    text : str
        The hint itself.
    """

    exercise: str
    level: int
    of: int
    text: str

    def __repr__(self):
        more = ("ask again for a stronger one." if self.level < self.of else
                "that is the last one; the solution is at the end of the lesson.")
        return f"Hint {self.level} of {self.of} for {self.exercise}: {self.text} ({more})"


def hint(exercise, level=None):
    """The next hint for an exercise: the first call gives hint 1, each further call a stronger one.

    Parameters
    ----------
    exercise : str
        The exercise's name: ``"e_step"`` (lesson 01), ``"d2_step"`` (02), ``"inertia"`` (03),
        ``"knn_affinity"`` (04), ``"loglog_slope"`` (07) or ``"gmm_e_step"`` (08).
    level : int or None, default=None
        None gives the next hint (after the last, the last again); a number from 1 gives
        that hint, and the next call continues after it.

    Returns
    -------
    hint : Hint
        The hint, shown as "Hint 1 of 3 for e_step: ...".

    Examples
    --------
    >>> hint("inertia", level=1)  # doctest: +ELLIPSIS
    Hint 1 of 3 for inertia: Each point adds one term: ... (ask again for a stronger one.)
    >>> hint("inertia")  # doctest: +ELLIPSIS
    Hint 2 of 3 for inertia: You need, for every point, ... (ask again for a stronger one.)
    """
    if exercise not in HINTS:
        raise ValueError(f"exercise must be one of {sorted(HINTS)}, but got {exercise!r}: "
                         "use the name the exercise's text gives.")
    texts = HINTS[exercise][1]
    if level is None:
        level = min(_ASKED.get(exercise, 0) + 1, len(texts))
    elif isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= len(texts):
        raise ValueError(f"level must be an int from 1 to {len(texts)} for {exercise!r}, or None "
                         f"for the next hint, but got {level!r}.")
    _ASKED[exercise] = level
    return Hint(exercise, level, len(texts), texts[level - 1])
