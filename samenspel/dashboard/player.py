"""Play: step the session's model in a background thread while ``playing`` is on.

The thread advances the model it was started for, never another: a scenario switch,
a lever or Reset builds a new model, the thread sees that (``session.advance`` returns
False) and stops. It shows a new frame at most ``FRAMES_PER_SECOND`` times a second and
steps as many weeks per frame as the speed asks (30 weeks/s: 6 weeks per frame): a
redraw per week at 30 weeks a second changed Solara's state during every render pass
and ended in ``RuntimeError: Too many renders triggered``. It waits for the page to
draw each frame (``Run.shown``, set by ``explore.View`` after the render pass) and then
leaves a gap at least as long as the frame took, so that the server is free half the
time for the user's clicks.
"""

from __future__ import annotations

import threading
import time

import solara

from . import session

FRAMES_PER_SECOND = 5.0
MIN_GAP = 0.08
"""Seconds between a drawn frame and the next step: time for the page's own events."""


def weeks_per_frame(speed: int) -> int:
    """Weeks to step per shown frame at ``speed`` weeks per second."""
    return max(1, round(speed / FRAMES_PER_SECOND))


def play_loop(current: session.Run, cancel: threading.Event) -> None:
    """Advance ``current`` at the session's speed until paused, replaced or at the end."""
    while not cancel.is_set() and session.playing.value:
        t0 = time.perf_counter()
        speed = max(1, min(int(session.speed.value), session.MAX_SPEED))
        weeks = weeks_per_frame(speed)
        if not session.advance(current, weeks):
            if session.run.value is current:
                session.playing.set(False)
            return
        # Wait until the page has drawn this frame, then leave a gap. The render of a
        # frame set here may be done by the thread of a click's event handler (Solara
        # renders in whichever thread holds its render lock); frames coming faster than
        # they were drawn kept that thread rendering for good, so no further click was
        # ever handled (the old model ran on under a new scenario's name, then "Too many
        # renders triggered").
        # The gap is at least as long as the frame took to step and draw, so that the
        # server is idle at least half the time for the user's clicks: with frames
        # drawn back to back, a click on Pause or another scenario was lost.
        current.shown.wait(timeout=5.0)
        took = time.perf_counter() - t0
        cancel.wait(max(weeks / speed - took, MIN_GAP, took))


@solara.component
def Player() -> None:
    """Runs ``play_loop`` for the current model while ``playing`` is on."""
    playing = session.playing.value
    current = session.run.value

    def loop(cancel: threading.Event) -> None:
        if playing and current is not None:
            play_loop(current, cancel)

    solara.use_thread(loop, dependencies=[playing, id(current)], intrusive_cancel=False)


def toggle() -> None:
    """Play or pause."""
    session.playing.set(not session.playing.value)
