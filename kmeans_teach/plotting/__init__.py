"""Plotting: every function draws on the Axes it is given and returns its artists.

* ``plot_<thing>(ax, data, ...)`` draws and returns what it drew; it never
  creates a figure, never calls ``plt.show`` and never fits a model.
* ``update_<thing>(artists, data)`` changes those artists in place; this is
  how the slider apps stay fast.

One module per lesson topic; everything is re-exported here.
"""

from .clusters import *  # noqa: F401,F403
from .clusters import __all__ as _clusters_all
from .seeds import *  # noqa: F401,F403
from .seeds import __all__ as _seeds_all
from .scaling import *  # noqa: F401,F403
from .scaling import __all__ as _scaling_all
from .colors import *  # noqa: F401,F403
from .colors import __all__ as _colors_all

__all__ = [*_clusters_all]
__all__ += [*_seeds_all]
__all__ += [*_scaling_all]
__all__ += _colors_all
