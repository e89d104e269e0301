"""Playground: place the centers with the mouse, then step k-means forward and back."""

from __future__ import annotations

import asyncio

import ipywidgets as widgets
import numpy as np

from .._validation import check_int
from ..engine import run_kmeans, init_centers
from ..datasets import PLAYGROUND_DATA, playground_data
from ..plotting._axes import padded_limits
from ..plotting.playground import plot_playground, update_playground
from .base import PIXEL_RATIO, SliderApp
from .step_through import _PHASE_WORDS, _STOP_WORDS

__all__ = ["Playground"]

START_OPTIONS = ("click to place", "random", "k-means++")
#: a click this close to a center (in CSS pixels, as shown) is a click on it
HIT_RADIUS = 12
#: the most centers (there are 10 cluster colours and shapes)
MAX_CENTERS = 10


class Playground(SliderApp):
    """Click where the centers go, then Step, Back, Run to the end, Play, Reset.

    The engine is the only source of truth: whenever the centers change, the
    whole run is computed once with :func:`kmeans_teach.run_kmeans` from those
    centers (``init=`` the array), and Step / Back only move along it.

    The mouse (an ``ipyevents.Event`` on ``app.image`` calls :meth:`handle_event`):

    * "click to place": a click adds a center there; a click on a center
      (within ``HIT_RADIUS`` CSS pixels) removes it;
    * "random" or "k-means++": ``n_clusters`` centers are placed for you
      (seeded with ``seed``); to move one, click it (a dashed ring shows it is
      picked up), then click where it should go; click it again to put it back.
    * A click after some steps starts again from the centers shown then.

    Keys, when the plot has focus: ArrowRight or PageDown = Step, ArrowLeft or
    PageUp = Back (many presenter remotes send the Page keys).

    Parameters
    ----------
    data : str, default="Gaussian blobs"
        The data set the menu starts on (see ``kmeans_teach.playground_data``).
    start : {"click to place", "random", "k-means++"}, default="click to place"
        How the initial centers are placed: by clicks on the plot, or drawn.
    n_clusters : int, default=4
        How many centers "random" and "k-means++" place.
    seed : int, default=0
        The seed of "random" and "k-means++".
    max_iter : int, default=300
        Passed on to :func:`kmeans_teach.run_kmeans`.
    tol : float, default=1e-4
        Passed on to :func:`kmeans_teach.run_kmeans`.

    Examples
    --------
    >>> app = Playground()
    >>> app.status.value
    'centers: 0 placed · click on the plot to add one, on a center to remove it · then press Step'
    >>> app.place([[-2.0, 3.0], [0.0, 4.0], [2.0, 1.0], [-1.5, 8.0]])
    >>> app.step(); app.step()
    >>> app.status.value
    'Iteration 1 · update (M-step) · inertia 221.7 · 300 points got a cluster in the E-step'
    """

    #: seconds between two half-steps of Play
    play_interval = 0.6

    def __init__(self, data="Gaussian blobs", *, start="click to place", n_clusters=4, seed=0,
                 max_iter=300, tol=1e-4):
        if data not in PLAYGROUND_DATA:
            raise ValueError(f"data must be one of {list(PLAYGROUND_DATA)}, but got {data!r}.")
        if start not in START_OPTIONS:
            raise ValueError(f"start must be one of {list(START_OPTIONS)}, but got {start!r}.")
        n_clusters = check_int(n_clusters, "n_clusters", low=1, high=MAX_CENTERS,
                               fix=f" The Playground shows at most {MAX_CENTERS} centers.")
        self.seed = check_int(seed, "seed", low=0)
        self._options = dict(max_iter=max_iter, tol=tol)
        self.data_dropdown = widgets.Dropdown(options=list(PLAYGROUND_DATA), value=data,
                                              description="data")
        self.start_dropdown = widgets.Dropdown(options=list(START_OPTIONS), value=start,
                                               description="start")
        self.k_slider = widgets.IntSlider(n_clusters, 1, MAX_CENTERS, description="n_clusters",
                                          continuous_update=False)
        self.buttons = {name: widgets.Button(description=name, layout=widgets.Layout(width="auto"))
                        for name in ("Step", "Back", "Run to the end", "Play", "Reset")}
        self.playing = False  # Play steps on a timer of the kernel's event loop
        controls = [widgets.HBox([self.data_dropdown, self.start_dropdown, self.k_slider]),
                    widgets.HBox(list(self.buttons.values()))]
        super().__init__(controls, figsize=(7, 5.25),
                         alt="k-means playground: click to place centers, then step")
        self.ax = self.figure.subplots()
        self.figure.subplots_adjust(left=0.08, right=0.97, bottom=0.07, top=0.93)
        self._limits = {name: padded_limits(playground_data(name)) for name in PLAYGROUND_DATA}
        self._sizes = {name: len(playground_data(name)) for name in PLAYGROUND_DATA}
        self.X = playground_data(data)
        self._artists = plot_playground(self.ax, self.X, xlim=self._limits[data][0],
                                        ylim=self._limits[data][1])
        # the title names the data set: it is part of each data set's background
        regions, points, *others, _title = self._artists
        self._animate([regions, *points, *others], axes_that_change=[self.ax])
        self.placed = np.empty((0, 2))  # the initial centers
        self.trace = None  # the run from them (None while there are none)
        self.index = 0  # the half-step shown
        self.picked = None  # the center picked up to be moved
        self.message = ""  # what the last click did, if it needs saying
        self._precompute_backgrounds(PLAYGROUND_DATA, self._show_limits)
        self._seed_centers()
        self.refresh()

        self._watch(self.data_dropdown, handler=lambda _c: self._new_data())
        self._watch(self.start_dropdown, self.k_slider, handler=lambda _c: self._new_start())
        actions = {"Step": self._stop_and(self.step), "Back": self.back,
                   "Run to the end": self.run_to_end, "Play": self.start_playing,
                   "Reset": self.reset}
        for name, button in self.buttons.items():
            button.on_click(lambda b, act=actions[name]: self._guarded(
                lambda _c: act(), {"owner": b, "new": "pressed"}))
        self.events = None
        try:
            from ipyevents import Event
        except ImportError:  # the app still works from code and from the buttons
            pass
        else:
            self.events = Event(source=self.image, watched_events=["click", "keydown"],
                                prevent_default_action=True)
            self.events.on_dom_event(self.handle_event)
        self.image.add_class("kt-playground")

    # --- the centers and the run from them ---------------------------------------
    def _seed_centers(self):
        """"random" and "k-means++" place the centers (seeded); "click to place" none."""
        start = self.start_dropdown.value
        self.k_slider.disabled = start == "click to place"
        if start == "click to place":
            centers = np.empty((0, 2))
        else:
            centers = init_centers(self.X, self.k_slider.value, start, random_state=self.seed)
        self._set_placed(centers)

    def _set_placed(self, centers):
        self.placed = np.asarray(centers, dtype=float).reshape(-1, 2)
        self.picked = None
        self.index = 0
        self.playing = False
        self.trace = (run_kmeans(self.X, len(self.placed), init=self.placed, **self._options)
                      if len(self.placed) else None)

    def _new_data(self):
        self.X = playground_data(self.data_dropdown.value)
        self._seed_centers()
        self.message = ""
        self.refresh()

    def _new_start(self):
        self._seed_centers()
        self.message = ""
        self.refresh()

    def place(self, centers):
        """Start from these initial centers.

        Parameters
        ----------
        centers : array-like of shape (n_centers, 2)
            The initial centers (``n_centers`` may be 0: no centers).

        Raises
        ------
        ValueError
            If there are more centers than the Playground can show.
        """
        centers = np.asarray(centers, dtype=float).reshape(-1, 2)
        if len(centers) > MAX_CENTERS:
            raise ValueError(f"centers: at most {MAX_CENTERS} can be shown, got {len(centers)}.")
        self._set_placed(centers)
        self.message = ""
        self.refresh()

    # --- the buttons --------------------------------------------------------------
    @property
    def last_index(self):
        """The index of the last half-step of the run (0 before any center is placed)."""
        return len(self.trace) - 1 if self.trace else 0

    def _go(self, index):
        self.index = min(max(index, 0), self.last_index)
        self.message = ""
        if self.trace is None:
            self.message = "place a center first"
        self.refresh()

    def step(self):
        """One half-step forward (nothing past the end)."""
        self._go(self.index + 1)

    def _stop_and(self, action):
        def act():
            self.playing = False
            action()
        return act

    def back(self):
        """One half-step back."""
        self.playing = False
        self._go(self.index - 1)

    def run_to_end(self):
        """Jump to the last half-step: the converged run."""
        self.playing = False
        self._go(self.last_index)

    def reset(self):
        """Back to the initial centers (step 0); the centers stay as placed."""
        self.playing = False
        self._go(0)

    def start_playing(self):
        """Step on by itself, one half-step per ``play_interval`` s, to the end.

        From the start if at the end. The steps are timed by the kernel's event
        loop (Jupyter, Voila); with no loop running (plain Python) it does one step.
        Any other button, a key or a click stops it.

        Returns
        -------
        None
            Play goes on from the event loop after this returns.
        """
        if self.trace is None:
            return self._go(0)
        if self.index >= self.last_index:
            self._go(0)
        try:
            self._loop = asyncio.get_running_loop()
        except RuntimeError:
            return self.step()
        self.playing = True
        self._loop.call_later(self.play_interval, self._tick)

    def _tick(self):
        """One step of Play, and the next one booked (until the end or a stop)."""
        if not self.playing:
            return
        self._guarded(lambda _c: self.step(), {"name": "Play", "new": self.index + 1})
        if self.last_error is None and self.index < self.last_index:
            self._loop.call_later(self.play_interval, self._tick)
        else:
            self.playing = False

    # --- the mouse and the keys -----------------------------------------------------
    def handle_event(self, event):
        """Act on one ipyevents event dict: a click on the plot, or a key.

        Parameters
        ----------
        event : dict
            The event as ipyevents sends it (its ``type``, ``key`` and position).
        """
        self._guarded(self._handle, {"name": event.get("type", "event"), "event": event,
                                     "new": event.get("key", event.get("type"))})

    def _handle(self, change):
        event, kind = change["event"], change["name"]
        self.playing = False
        if kind == "keydown":
            # many presenter remotes send Page Down / Page Up rather than the arrows
            if event.get("key") in ("ArrowRight", "PageDown"):
                self.step()
            elif event.get("key") in ("ArrowLeft", "PageUp"):
                self.back()
            return
        if kind != "click":
            return
        self._click(*self._event_pixels(event))

    def _event_pixels(self, event):
        """(x, y, scale): the rendered pixel of the click, in matplotlib's frame, and px per CSS px."""
        width, height = self.figure.canvas.get_width_height()  # rendered pixels
        if event.get("boundingRectWidth") and event.get("relativeX") is not None:
            scale_x = width / event["boundingRectWidth"]
            scale_y = height / event["boundingRectHeight"]
            x, y = event["relativeX"] * scale_x, event["relativeY"] * scale_y
        else:  # dataX, dataY: already pixels of the image itself
            scale_x = scale_y = 1.0 * PIXEL_RATIO
            x, y = event["dataX"], event["dataY"]
        # the browser counts rows from the top, matplotlib from the bottom
        return x, height - y, (scale_x + scale_y) / 2

    def _click(self, x, y, scale):
        self.ax.apply_aspect()
        if not self.ax.bbox.contains(x, y):
            self.message = "click inside the plot"
            return self.refresh()
        point = self.ax.transData.inverted().transform((x, y))
        shown = self.trace[self.index].centers if self.trace else self.placed
        if len(shown):
            pixels = self.ax.transData.transform(shown)
            distance = np.hypot(*(pixels - (x, y)).T) / scale  # CSS pixels
            hit = int(np.argmin(distance)) if distance.min() <= HIT_RADIUS else None
        else:
            hit = None
        centers = np.array(shown, dtype=float)
        picked = self.picked if self.index == 0 else None
        if self.start_dropdown.value == "click to place":
            if hit is not None:
                centers = np.delete(centers, hit, axis=0)
                message = "center removed"
            elif len(centers) >= MAX_CENTERS:
                self.message = f"at most {MAX_CENTERS} centers"
                return self.refresh()
            else:
                centers = np.vstack([centers, point])
                message = "center added"
            picked = None
        elif picked is None:
            if hit is None:
                self.message = "click a center to pick it up"
                return self.refresh()
            picked, message = hit, "center picked up: click where it should go"
        elif hit == picked:
            picked, message = None, "center put back"
        else:
            centers[picked] = point
            picked, message = None, "center moved"
        self._set_placed(centers)
        self.picked = picked
        self.message = message
        self.refresh()

    def close(self):
        """Close the app and every widget of it (so a saved notebook does not keep them)."""
        # (also called by Widget.__del__, so it may meet a half-built app)
        if getattr(self, "events", None) is not None:
            self.events.close()
        for box in self.children[:-2]:
            for widget in box.children:
                widget.close()
            box.close()
        for widget in self.children[-2:]:  # the status line and the image
            widget.close()
        super().close()

    # --- SliderApp hooks ------------------------------------------------------------
    def _state_key(self):
        return (self.data_dropdown.value, self.placed.tobytes(), self.index, self.picked)

    def _background_key(self):
        return self.data_dropdown.value

    def _show_limits(self, name):
        xlim, ylim = self._limits[name]
        self.ax.set_xlim(xlim)
        self.ax.set_ylim(ylim)
        self.ax.set_title(f"{name} ({self._sizes[name]} points)")
        # equal aspect: the Axes' box depends on the limits; blitted artists need it now
        self.ax.apply_aspect()

    def _draw(self):
        name = self.data_dropdown.value
        self._show_limits(name)
        xlim, ylim = self._limits[name]
        step = self.trace[self.index] if self.trace else None
        previous = self.trace[self.index - 1] if self.trace and self.index else None
        update_playground(self._artists, self.X, step, previous, picked=self.picked,
                          xlim=xlim, ylim=ylim)

    def _status(self):
        words = self._status_words()
        if self.message:
            words.append(self.message)
        return " · ".join(words)

    def _status_words(self):
        n = len(self.placed)
        if self.trace is None or self.index == 0:
            how = ("click on the plot to add one, on a center to remove it"
                   if self.start_dropdown.value == "click to place" else
                   f"{self.start_dropdown.value}, seed {self.seed}; click a center, "
                   f"then a place, to move it")
            return [f"centers: {n} placed", how, "then press Step"]
        step = self.trace[self.index]
        words = [f"Iteration {step.iteration}", _PHASE_WORDS[step.phase],
                 f"inertia {step.inertia:.1f}"]
        assign = step if step.phase == "assign" else self.trace[self.index - 1]
        if assign.iteration == 1:
            words.append(f"{assign.n_changed} points got a cluster"
                         + (" in the E-step" if step.phase == "update" else ""))
        else:
            words.append(f"{assign.n_changed} points changed cluster"
                         + (" in the E-step" if step.phase == "update" else ""))
        if step.stop_reason:
            words.append(_STOP_WORDS.get(step.stop_reason, step.stop_reason))
        return words

    def __repr__(self):
        return self._describe(f"{len(self.placed)} centers, half-step {self.index} of "
                              f"{self.last_index}", data=self.data_dropdown.value,
                              start=self.start_dropdown.value)
