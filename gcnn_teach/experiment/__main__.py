"""Run chapter 11's experiment from the command line and write the records as JSON.

    python -m gcnn_teach.experiment                      # the book's budget, a process per core
    GCNN_TEACH_FULL=1 python -m gcnn_teach.experiment    # the full-size run (a GPU when there is one)
    python -m gcnn_teach.experiment --dask tcp://scheduler:8786   # on a running Dask cluster
"""

from __future__ import annotations

import argparse

from . import budget, load_results, plan, run_all, save_results, summarise


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m gcnn_teach.experiment", description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="the full-size run (same as GCNN_TEACH_FULL=1)")
    parser.add_argument("--workers", type=int, default=None, help="processes of the local pool (default: cores)")
    parser.add_argument("--dask", metavar="ADDRESS", help="run on the Dask scheduler at ADDRESS instead")
    parser.add_argument("--out", default=None, help="the results file (default: GCNN_TEACH_RESULTS or a temp file)")
    args = parser.parse_args(argv)
    b = budget(full=True if args.full else None)
    jobs = plan(b)
    print(f"{len(jobs)} training runs: {b.describe()}")
    if args.dask:
        from distributed import Client

        with Client(args.dask) as client:
            sweep = run_all(jobs, b, executor=client.get_executor(), progress=True)
    else:
        sweep = run_all(jobs, b, workers=args.workers, progress=True)
    path = save_results(sweep.records, b, args.out, wall_seconds=sweep.seconds)
    print(f"{sweep.seconds:.0f} s on {sweep.workers} worker processes; records in {path}")
    for name, s in summarise(load_results(path)["records"]).items():
        print(f"{name:24s} {s['mean']:6.2%}  (95% interval {s['low']:.2%} to {s['high']:.2%}, {s['runs']} runs)")


if __name__ == "__main__":
    main()
