"""Peak memory of a process and all its children, sampled from /proc (Linux).

    with TreeMemory(pid) as memory:      # pid: default this process
        ...
    memory.peak_mb, memory.peak_by_name  # the largest sum of RSS seen, and each process's own peak

RSS counts pages shared between processes (the model's, after a fork) once per process, so the
sum is an upper bound of what the tree really holds."""

from __future__ import annotations

import os
import threading
import time


def _children(pid: int) -> list[int]:
    found = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:  # a child belongs to the thread that started it
        try:
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found.extend(int(p) for p in handle.read().split())
        except OSError:
            continue
    return found


def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        out.append(current)
        todo.extend(_children(current))
    return out


def _rss_mb(pid: int) -> tuple[float, str]:
    try:
        with open(f"/proc/{pid}/status") as handle:
            fields = dict(line.split(":", 1) for line in handle if ":" in line)
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            cmd = handle.read().replace(b"\0", b" ").decode(errors="replace")
        return int(fields["VmRSS"].split()[0]) / 1024, cmd
    except (OSError, KeyError, ValueError):
        return 0.0, ""


def _label(cmd: str) -> str:
    if "eventledger.scale.workers" in cmd:
        return "extraction worker"
    if "eventledger" in cmd:
        return "ingest (parent)"
    return cmd.split(" ")[0].rsplit("/", 1)[-1] or "?"


class TreeMemory:
    def __init__(self, pid: int | None = None, every: float = 0.1):
        self.pid = pid or os.getpid()
        self.every = every
        self.peak_mb = 0.0
        self.peak_by_name: dict[str, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            time.sleep(self.every)

    def sample(self) -> None:
        total = 0.0
        for pid in _tree(self.pid):
            rss, cmd = _rss_mb(pid)
            if not rss:  # gone, or a zombie
                continue
            total += rss
            name = _label(cmd)
            self.peak_by_name[name] = max(self.peak_by_name.get(name, 0.0), rss)
        self.peak_mb = max(self.peak_mb, total)

    def __enter__(self) -> "TreeMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
