"""Plotting: every function draws on the Axes it is given and returns its artists.

* ``plot_<thing>(ax, data, ...)`` draws and returns what it drew; it never
  creates a figure, never calls ``plt.show`` and never fits a model.
* ``update_<thing>(artists, data)`` changes those artists in place; this is
  how the slider apps stay fast.

One module per lesson topic; everything is re-exported here.
"""

from . import clusters
from .clusters import *  # noqa: F401,F403
from . import seeds
from .seeds import *  # noqa: F401,F403
from . import choosing_k
from .choosing_k import *  # noqa: F401,F403
from . import spectral
from .spectral import *  # noqa: F401,F403
from . import digits
from .digits import *  # noqa: F401,F403
from . import colors
from .colors import *  # noqa: F401,F403
from . import scaling
from .scaling import *  # noqa: F401,F403
from . import playground
from .playground import *  # noqa: F401,F403

__all__ = [*clusters.__all__, *seeds.__all__, *choosing_k.__all__, *spectral.__all__, *digits.__all__, *colors.__all__, *scaling.__all__, *playground.__all__]
