"""`--engine ray` on a local 2-CPU Ray started here: the same stories, findings and bytes as the local engine."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from reconcile.corpus import run_corpus
from reconcile.corpus.engines import make_engine
from reconcile.corpus.store import Store
from reconcile.rules import load_rules

ray = pytest.importorskip("ray")
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:ray")

FEED = Path(__file__).resolve().parent / "data" / "feed.jsonl"


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    yield
    ray.shutdown()


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def corpus(engine: str, feed: Path, store: Path):  # type: ignore[no-untyped-def]
    with Store(store) as opened:
        runner = make_engine(engine, opened, sources=Path("out") / "articles")
        try:
            return run_corpus(feed, "out", store=opened, engine=runner, rules_version=load_rules().version)
        finally:
            runner.close()


@pytest.mark.slow
def test_ray_engine_writes_the_same_bytes(local_ray: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [json.loads(line) for line in FEED.read_text(encoding="utf-8").splitlines()]
    wire = dict(rows[0], id="wire-copy", outlet="wire.example")  # a reprint, so the reprint path runs too
    headline = {"id": "headline-only", "outlet": "x", "date": "2019-01-01", "title": "Photos", "content": ""}
    rows = [*rows, headline]  # a story without a single claim
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in [*rows, wire]), encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # both engines write to ./out, so paths in the reports match
    local = corpus("local", feed, tmp_path / "local.sqlite3")
    expected = tree(tmp_path / "out")
    (tmp_path / "out").rename(tmp_path / "out-local")
    on_ray = corpus("ray", feed, tmp_path / "ray.sqlite3")
    assert len(on_ray.analysed) == len(rows) + 1 and on_ray.judged == len(on_ray.stories)
    assert on_ray.stories == local.stories
    assert tree(tmp_path / "out") == expected
    index = json.loads(expected["index.json"])
    assert any(s["reprints"] for s in index["stories"])
    assert ["headline-only"] in [s["articles"] for s in index["stories"]]


#: run in a fresh process (this module's fixture starts Ray itself): start the engine's own local
#: instance, then print the address of every TCP socket that it, and every process it started, listens on
LISTENERS = r'''
import ipaddress, json, os, sys
from reconcile.corpus.engines import make_engine
from reconcile.corpus.store import Store

def children():
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    parents[int(entry)] = int(fh.read().rsplit(")", 1)[1].split()[1])
            except OSError:
                pass
    tree, grew = {os.getpid()}, True
    while grew:
        more = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= more
        grew = bool(more)
    return tree

def sockets(pids):
    inodes = set()
    for pid in pids:
        try:
            for fd in os.listdir(f"/proc/{pid}/fd"):
                target = os.readlink(f"/proc/{pid}/fd/{fd}")
                if target.startswith("socket:["):
                    inodes.add(target[8:-1])
        except OSError:
            pass
    return inodes

def address(hexed):  # /proc/net/tcp*: the address as 32-bit words in this machine's byte order
    raw = bytes.fromhex(hexed)
    return str(ipaddress.ip_address(b"".join(raw[i:i + 4][::-1] for i in range(0, len(raw), 4))))

with Store(sys.argv[1]) as store:
    engine = make_engine("ray", store, sources="out/articles")
    try:
        mine = sockets(children())
        found = []
        for table in ("/proc/net/tcp", "/proc/net/tcp6"):
            with open(table) as fh:
                for line in fh.readlines()[1:]:
                    fields = line.split()
                    if fields[3] == "0A" and fields[9] in mine:  # LISTEN
                        found.append(address(fields[1].split(":")[0]))
        print(json.dumps(found))
    finally:
        engine.close()
'''


def _loopback(address: str) -> bool:
    """127.0.0.1, ::1 or ::ffff:127.0.0.1; not 0.0.0.0 or :: (every interface), nor another address."""
    import ipaddress

    ip = ipaddress.ip_address(address)
    mapped = getattr(ip, "ipv4_mapped", None)
    return ip.is_loopback or (mapped is not None and mapped.is_loopback)


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads /proc/net/tcp")
def test_the_local_ray_instance_listens_on_loopback_only(tmp_path: Path) -> None:
    """Ray's local instance listened on every interface (*:port) during a run."""
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-c", LISTENERS, str(tmp_path / "s.sqlite3")], capture_output=True,
                          text=True, timeout=240, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    addresses = json.loads(proc.stdout.strip().splitlines()[-1])
    assert addresses, "no listening socket found: the check would pass for nothing"
    assert [a for a in addresses if not _loopback(a)] == []
