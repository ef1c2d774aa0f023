"""Offline means offline: the suite runs with the network cut (``make test`` uses ``unshare -n``)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS

RECONCILE = str(Path(sys.executable).parent / "reconcile")


def _can_reach_out() -> bool:
    """Whether a TCP connection to a public address even starts (no packet needs an answer)."""
    try:
        with socket.create_connection(("192.0.2.1", 9), timeout=0.5):  # TEST-NET-1: nothing answers there
            return True
    except TimeoutError:
        return True  # the packet went out and nobody answered: there is a route, so a network
    except OSError:
        return False


def _unshare_prefix() -> list[str] | None:
    for prefix in (["unshare", "-n"], ["unshare", "-rn"]):
        if shutil.which(prefix[0]) and subprocess.run([*prefix, "true"], capture_output=True).returncode == 0:
            return prefix
    return None


def test_the_suite_runs_with_the_network_cut() -> None:
    if os.environ.get("RECONCILE_NETWORK_CUT") != "1":
        why = "no network namespace can be made here" if _unshare_prefix() is None else "it was started by hand"
        pytest.skip(f"this run of the suite has the network: {why}; `make test` runs it under `unshare -n`")
    assert not _can_reach_out(), "make test asked for the network to be cut, yet a connection can start"


def test_compare_and_check_work_with_the_network_cut(tmp_path: Path) -> None:
    """Whatever the run: the main commands in a network namespace of their own, with an empty cache."""
    prefix = _unshare_prefix()
    if prefix is None:
        pytest.skip("unshare -n and unshare -rn both fail here (no root, no user namespaces)")
    env = {**os.environ, "RECONCILE_CACHE": str(tmp_path / "cache")}
    models = Path(os.environ.get("RECONCILE_CACHE", "")) / "models"
    if models.is_dir():  # the model the session prepared: exporting it again would take a while
        shutil.copytree(models, tmp_path / "cache" / "models")
    pair = [str(SEEDS / "el-salto-mexicorojo-tweet.txt"), str(SEEDS / "el-salto-breitbart.txt")]
    for args in (["compare", *pair, "-q"], ["check", pair[1], "-q"], ["claims", pair[0]]):
        proc = subprocess.run([*prefix, RECONCILE, *args], capture_output=True, text=True, timeout=300, env=env)
        assert proc.returncode == 0, (args, proc.stderr)
        assert proc.stderr == "", proc.stderr
