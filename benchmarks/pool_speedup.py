"""Speed-up of chapter 11's process pool over a serial run of the same plan, measured in one run.

The same small plan of training runs (the chapter's models, data size and epochs, two rows
only) is run twice: serially in this process (``SerialExecutor``) and on the default
process pool (one process per core, each running torch on one thread).  Both are wall-clock
times of the whole ``run_all`` call, so the pool's start-up (fresh interpreters importing
torch) is included, as it is in the book's build.  The records of the two runs are also
compared (they must be identical up to the timings).

    .venv/bin/python benchmarks/pool_speedup.py [--workers N] [--epochs E] [--quick]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository's package, run from anywhere

from gcnn_teach import experiment as ex  # noqa: E402


def measure(workers: int, epochs: int | None, quick: bool) -> dict:
    b = ex.budget(full=False, epochs=epochs or (1 if quick else ex.Budget().epochs), variants=("Z2CNN", "P4CNN"), control_variants=(),
                  sweep_sizes=(), splits=(0, 1) if quick else (0, 1, 2), seeds=(0, 1) if quick else (0, 1, 2))
    jobs = ex.plan(b)
    ex.datasets(b, jobs)  # warm what both runs share (imports, caches), so neither pays it alone
    start = time.perf_counter()
    serial = ex.run_all(jobs, b, executor=ex.SerialExecutor())
    serial_s = time.perf_counter() - start
    start = time.perf_counter()
    pooled = ex.run_all(jobs, b, workers=workers)
    pool_s = time.perf_counter() - start
    same = [ex.without_timing(r) for r in serial.records] == [ex.without_timing(r) for r in pooled.records]
    return {"jobs": len(jobs), "workers": workers, "serial_s": serial_s, "pool_s": pool_s,
            "speedup": serial_s / pool_s, "identical": same}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="pool processes (default: cores)")
    parser.add_argument("--epochs", type=int, default=None, help="default: the chapter's (1 with --quick)")
    parser.add_argument("--quick", action="store_true", help="a smaller plan: a smoke test")
    args = parser.parse_args(argv)
    r = measure(args.workers, args.epochs, args.quick)
    print(f"chapter 11 plan, {r['jobs']} training runs: serial {r['serial_s']:.1f} s, "
          f"pool of {r['workers']} processes {r['pool_s']:.1f} s, speed-up {r['speedup']:.2f}x "
          f"(records identical: {r['identical']})")
    return 0 if r["identical"] else 1


if __name__ == "__main__":
    sys.exit(main())
