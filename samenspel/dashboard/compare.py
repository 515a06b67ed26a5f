"""Compare page (stub)."""
import solara


@solara.component
def Page() -> None:
    """Stub."""
    solara.Text("compare")
