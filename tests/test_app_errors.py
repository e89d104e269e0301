"""An error inside an app's callback is shown in its status line, and the app goes on.

ipywidgets sends an exception raised in an observer to the front end's log
console, not to the cell: the student would only see the app stop updating.
Here a failure is forced inside the drawing code of each app.
"""

import pytest

from test_app_frames import NAMES, app_named, assert_frame_is_the_figure, controls_of


class Boom(RuntimeError):
    pass


@pytest.mark.parametrize("name", NAMES)
def test_a_failing_move_is_shown_in_the_status_line_and_the_next_move_works(name, monkeypatch):
    app = app_named(name)
    control, values = controls_of(app)[0]
    first = next(v for v in values if v != control.value)
    second = next(v for v in values if v != first)

    def fail():
        raise Boom("the drawing failed\non two lines")

    monkeypatch.setattr(app, "_draw", fail)
    control.value = first  # must not raise: the error goes to the status line
    assert isinstance(app.last_error, Boom)
    status = app.status.value
    assert status.startswith("⚠") and "\n" not in status
    assert f"{control.description} = {first!r}" in status  # what failed
    assert "Boom: the drawing failed on two lines" in status
    assert "Try another value" in status  # what to try

    monkeypatch.undo()
    control.value = second
    assert app.last_error is None
    assert not app.status.value.startswith("⚠")
    assert_frame_is_the_figure(app, f"a failed move, then {control.description}={second!r}")


def test_an_error_in_a_new_run_is_shown_too(monkeypatch):
    """StepThrough's n_clusters and seed sliders start a new run: their errors show as well."""
    app = app_named("StepThrough")
    monkeypatch.setattr(app, "_new_run", lambda: 1 / 0)
    app.seed_slider.value = (app.seed_slider.value + 1) % (app.seed_slider.max + 1)
    assert isinstance(app.last_error, ZeroDivisionError)
    assert "seed" in app.status.value and "ZeroDivisionError" in app.status.value
    monkeypatch.undo()
    app.seed_slider.value = (app.seed_slider.value + 1) % (app.seed_slider.max + 1)
    assert app.last_error is None
    assert_frame_is_the_figure(app, "a failed new run, then another seed")


@pytest.mark.parametrize("name", ["StepThrough", "GMMStepThrough"])
def test_an_error_while_the_controls_are_frozen_does_not_freeze_the_app(name):
    """A new run sets the step slider with redraws held back; an error there must not
    leave them held back (the app then ignored every later move, and said nothing)."""
    app = app_named(name)
    app.step_slider.value = 2
    raised = []

    def fail_once(change):
        if not raised:
            raised.append(change)
            raise Boom("an observer failed while the new run set the step slider")

    app.step_slider.observe(fail_once, names="value")
    try:
        app.seed_slider.value = (app.seed_slider.value + 1) % (app.seed_slider.max + 1)
        assert raised and raised[0]["new"] == 0  # it failed inside the new run's freeze
        assert isinstance(app.last_error, Boom)
        assert app.status.value.startswith("⚠") and "seed" in app.status.value
        assert "Boom: an observer failed" in app.status.value
        assert not app._frozen
        app.step_slider.value = 1  # the next move is shown
        assert app.last_error is None
        assert not app.status.value.startswith("⚠")
        assert_frame_is_the_figure(app, "an error in a new run's freeze, then half-step 1")
    finally:
        app.step_slider.unobserve(fail_once, names="value")
