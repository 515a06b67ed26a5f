"""Front-end files for the dashboard, served locally so it works with no internet.

The Solara server loads its JavaScript, CSS and fonts from a public CDN. Solara can
instead serve them from its *proxy cache* folder (``SOLARA_ASSETS_PROXY_CACHE_DIR``),
laid out as ``<package>@<version>/<path in the package>``.

The files the dashboard's pages load ship inside the wheel, in
``samenspel/dashboard/cdn/`` (about 7 MB: the Vue/Vuetify app for ipywidgets 8, its
fonts, require.js and Font Awesome), so ``pip install`` is all a user needs: no npm,
no Node.js, no internet at the first start, and nothing is written at start (two
dashboards may start at once). A maintainer refreshes that folder after a Solara
upgrade with ``python -m samenspel.dashboard.assets --vendor`` (npm needed then
only); a test checks that the installed Solara asks for exactly the files shipped.

If the shipped files do not match the installed Solara (someone installed another
version), the old way still works: ``samenspel dashboard --fetch-assets`` fills
Solara's cache folder from the npm registry with ``npm pack``.

The packages and their versions are read from the installed Solara itself (its page
template and widget sources), so an upgrade of Solara asks for the matching files:

- ``@widgetti/solara-vuetify-app`` (the Vue/Vuetify application, styles and fonts);
- ``requirejs`` (the module loader);
- ``font-awesome`` (icons);
- ``@widgetti/vue-grid-layout`` (used by Solara's draggable grid, kept for completeness).

Why not Solara's own ``solara-assets`` package: its newest release (1.58.2) matches
only ``solara==1.58.2`` (older than what a plain install picks), comes as a 56 MB
source archive that pip must build at every install, and installs 239 MB (echarts,
mermaid, vega, ...), of which the dashboard loads about 3 %.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from importlib.resources import files
from pathlib import Path

ENV_CACHE = "SOLARA_ASSETS_PROXY_CACHE_DIR"
"""Solara's own setting for the proxy cache folder; honoured here too."""

FALLBACK = {
    "@widgetti/solara-vuetify-app": "10.1.1",
    "requirejs": "2.3.6",
    "font-awesome": "4.5.0",
    "@widgetti/vue-grid-layout": "2.3.13-alpha.2",
}
"""Packages and versions used when they cannot be read from Solara's sources."""

_SPEC = re.compile(r"(?:\{\{cdn\}\}|getCdn\(\)\})/((?:@[\w.-]+/)?[\w.-]+)@([\w.-]+)/")


class AssetError(RuntimeError):
    """The front-end files are missing and cannot be fetched; the message says why."""


def shipped_dir() -> Path:
    """The front-end files shipped inside the package (``samenspel/dashboard/cdn``)."""
    return Path(str(files("samenspel.dashboard") / "cdn"))


def cache_dir() -> Path:
    """The folder Solara serves ``/_solara/cdn/`` from.

    ``$SOLARA_ASSETS_PROXY_CACHE_DIR`` if set; else the files shipped in the package
    when they are what the installed Solara asks for; else Solara's default inside
    the Python environment (``<sys.prefix>/share/solara/cdn``, filled with
    ``--fetch-assets``).
    """
    env = os.environ.get(ENV_CACHE)
    if env:
        return Path(env)
    shipped = shipped_dir()
    if not missing(shipped):
        return shipped
    return Path(sys.prefix) / "share" / "solara" / "cdn"


def _solara_root() -> Path | None:
    try:
        import solara
    except ImportError:  # pragma: no cover - solara is a dependency
        return None
    return Path(solara.__file__).resolve().parent


def _template() -> str:
    root = _solara_root()
    path = root / "server" / "templates" / "solara.html.j2" if root else None
    return path.read_text(encoding="utf-8") if path and path.is_file() else ""


def required_packages() -> dict[str, str]:
    """The npm packages (name -> version) that the installed Solara loads from its CDN.

    Read from Solara's page template and its grid-layout widget; the Vue 3 build of
    the app is left out (``ipyvue<3`` is pinned, so the Vue 2 build is used).
    """
    root = _solara_root()
    texts = [_template()]
    if root is not None:
        grid = root / "widgets" / "vue" / "gridlayout.vue"
        if grid.is_file():
            texts.append(grid.read_text(encoding="utf-8"))
    found: dict[str, str] = {}
    for text in texts:
        for name, version in _SPEC.findall(text):
            if "vuetify3" not in name:
                found[name] = version
    return {name: found.get(name, version) for name, version in FALLBACK.items()} | found


def page_files() -> list[str]:
    """Paths (below the cache folder) that every dashboard page loads at start."""
    pkgs = required_packages()
    app = f"@widgetti/solara-vuetify-app@{pkgs['@widgetti/solara-vuetify-app']}/dist"
    major = _ipywidgets_major()
    return [
        f"{app}/main{major}.css",
        f"{app}/fonts.css",
        f"{app}/solara-vuetify-app{major}.min.js",
        f"requirejs@{pkgs['requirejs']}/require.js",
        f"font-awesome@{pkgs['font-awesome']}/css/font-awesome.min.css",
    ]


def _ipywidgets_major() -> int:
    try:
        import ipywidgets
    except ImportError:  # pragma: no cover - a dependency of solara
        return 8
    return int(ipywidgets.__version__.split(".")[0])


def missing(folder: Path | None = None) -> list[str]:
    """The page files not (yet) in the cache folder; empty when all is in place."""
    folder = folder or cache_dir()
    return [p for p in page_files() if not (folder / p).is_file()]


def _extract(tgz: Path, target: Path) -> None:
    """Unpack an npm tarball (files under ``package/``) into ``target``, atomically.

    Each call unpacks into its own temporary folder next to ``target`` and renames
    it into place, so two processes doing this at once cannot corrupt each other's
    files; if another process got there first, its complete copy is kept.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        _unpack(tgz, tmp)
        if (target / "package.json").is_file():  # finished by another process meanwhile
            return
        shutil.rmtree(target, ignore_errors=True)  # a partial copy from an old version
        try:
            os.replace(tmp, target)
        except OSError:
            if not (target / "package.json").is_file():
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _unpack(tgz: Path, tmp: Path) -> None:
    with tarfile.open(tgz) as tar:
        members = []
        for member in tar.getmembers():
            parts = Path(member.name).parts
            if len(parts) < 2 or not (member.isfile() or member.isdir()):
                continue
            member.name = str(Path(*parts[1:]))  # drop the leading package/
            members.append(member)
        tar.extractall(tmp, members=members, filter="data")


def fetch(folder: Path | None = None, npm: str | None = None, quiet: bool = False) -> Path:
    """Download the front-end packages with ``npm pack`` and unpack them into the cache.

    Packages already unpacked are skipped, so running it again is cheap.

    Args:
        folder: The cache folder (default ``cache_dir()``).
        npm: The npm executable (default: ``npm`` on the PATH).
        quiet: Print nothing.

    Returns:
        The cache folder.

    Raises:
        AssetError: If npm is missing or a package cannot be downloaded.

    """
    folder = folder or cache_dir()
    npm = npm or shutil.which("npm")
    todo = {
        n: v
        for n, v in required_packages().items()
        if not (folder / f"{n}@{v}" / "package.json").is_file()
    }
    if not todo:
        return folder
    if npm is None:
        raise AssetError(
            "npm is not installed; install Node.js/npm (it reaches the npm "
            "registry) and run 'samenspel dashboard --fetch-assets' once"
        )
    folder.mkdir(parents=True, exist_ok=True)
    from filelock import FileLock

    with (
        FileLock(folder / ".samenspel-fetch.lock"),
        tempfile.TemporaryDirectory(prefix="samenspel-npm-") as tmpdir,
    ):
        todo = {
            n: v
            for n, v in todo.items()  # another process may have fetched them
            if not (folder / f"{n}@{v}" / "package.json").is_file()
        }
        for name, version in todo.items():
            spec = f"{name}@{version}"
            if not quiet:
                print(f"fetching {spec} from the npm registry", file=sys.stderr)
            proc = subprocess.run(
                [npm, "pack", spec, "--silent", "--pack-destination", tmpdir],
                capture_output=True,
                text=True,
                timeout=300,
            )
            tgz = (
                tmpdir / Path(proc.stdout.strip().splitlines()[-1])
                if (proc.returncode == 0 and proc.stdout.strip())
                else None
            )
            if tgz is None or not tgz.is_file():
                err = " ".join((proc.stderr or proc.stdout).split())[:300]
                raise AssetError(f"npm pack {spec} failed: {err or 'no file written'}")
            target = folder / spec
            target.parent.mkdir(parents=True, exist_ok=True)
            _extract(tgz, target)
    left = missing(folder)
    if left:
        raise AssetError(f"after fetching, still missing in {folder}: {', '.join(left)}")
    return folder


_URL = re.compile(r"url\(['\"]?([^'\")?#]+)")


def vendor(dest: Path | None = None, npm: str | None = None) -> Path:
    """Refresh the shipped front-end files (maintainers; needs npm once).

    Fetches the packages the installed Solara asks for into a temporary cache, then
    copies into ``dest`` (default ``shipped_dir()``) only what the pages load: the
    app's CSS, JavaScript and the fonts the CSS names, require.js and Font Awesome.
    """
    dest = dest or shipped_dir()
    pkgs = required_packages()
    with tempfile.TemporaryDirectory(prefix="samenspel-vendor-") as tmp:
        cache = fetch(Path(tmp), npm=npm, quiet=True)
        keep = [*page_files()]
        for name in ("@widgetti/solara-vuetify-app", "requirejs", "font-awesome"):
            keep.append(f"{name}@{pkgs[name]}/package.json")
        for css in [p for p in page_files() if p.endswith(".css")]:
            text = (cache / css).read_text(encoding="utf-8", errors="replace")
            base = Path(css).parent
            for ref in set(_URL.findall(text)):
                if not ref.startswith(("data:", "http")):
                    keep.append(os.path.normpath(base / ref))
        shutil.rmtree(dest, ignore_errors=True)
        for rel in sorted(set(keep)):
            if (cache / rel).is_file():
                (dest / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(cache / rel, dest / rel)
    return dest


def main(argv: list[str] | None = None) -> int:
    """``python -m samenspel.dashboard.assets [--check | --vendor]``."""
    args = sys.argv[1:] if argv is None else argv
    if "--vendor" in args:
        try:
            dest = vendor()
        except AssetError as exc:
            print(f"samenspel: error: {exc}", file=sys.stderr)
            return 2
        size = sum(p.stat().st_size for p in dest.rglob("*") if p.is_file())
        print(f"front-end files for the wheel in {dest} ({size / 1e6:.1f} MB)")
        return 0
    if "--check" in args:
        left = missing()
        print(
            f"{cache_dir()}: "
            + ("all front-end files present" if not left else "missing " + ", ".join(left))
        )
        return 1 if left else 0
    try:
        print(f"front-end files in {fetch()}")
    except AssetError as exc:
        print(f"samenspel: error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
