#!/usr/bin/env python3
"""bench_report.py: gotutor report --format json on a synthetic cohort.

usage: bench_report.py GOTUTOR TOP_SRCDIR WORKDIR [LEARNERS] [RUNS]

Generates LEARNERS (2000) learners x 60 lessons x about 8 checks (about a
million events, tests/bench/gen_cohort.py) in WORKDIR, then runs the report
on 10%, 50% and 100% of them, RUNS (3) times each, and prints the best wall
time, the peak RSS, the ratio of each to the 10% figure, and the time per
event against the 10% run's (near 1: time grows linearly). The targets:
the whole cohort in under 2 s and 200 MiB.
"""

import os
import subprocess
import sys
import time

TIME_MAX = 2.0
RSS_MAX = 200 * 1024 * 1024


def run(gotutor, track, logs, work):
    """Run the report once; return (seconds, peak RSS in bytes, events).
    The report goes to a file: this process stays small, so that the
    child's RSS before its exec is not ours."""
    argv = [gotutor, "report", "--tracks", track, "--format", "json",
            "--now", "2024-09-01"] + logs
    path = os.path.join(work, "report.json")
    start = time.perf_counter()
    with open(os.devnull, "w") as null, open(path, "w") as out:
        p = subprocess.Popen(argv, stdout=out, stderr=null)
        _, status, usage = os.wait4(p.pid, 0)
    took = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit("gotutor report exited %d" % code)
    with open(path, "rb") as f:
        head = f.read(4096)
    events = int(head.split(b'"events": ', 1)[1].split(b",", 1)[0])
    return took, usage.ru_maxrss * 1024, events


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    gotutor, top, work = sys.argv[1:4]
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 2000
    runs = int(sys.argv[5]) if len(sys.argv) > 5 else 3
    cohort = os.path.join(work, "cohort")
    if not os.path.isdir(os.path.join(cohort, "logs")):
        subprocess.run([sys.executable, os.path.join(
            top, "tests", "bench", "gen_cohort.py"), cohort, str(n)],
            check=True)
    logs = sorted(os.path.join(cohort, "logs", f) for f in
                  os.listdir(os.path.join(cohort, "logs")))[:n]
    track = os.path.join(cohort, "track")

    print("report: gotutor report --format json, %d learners x 60 "
          "lessons, best of %d runs" % (n, runs))
    print("%5s %9s %9s %8s %9s %7s %7s %9s" % (
        "share", "learners", "events", "time", "RSS MiB", "t/t10",
        "m/m10", "us/event"))
    base = None
    ok = True
    for share in (10, 50, 100):
        some = logs[:max(1, n * share // 100)]
        best = None
        for _ in range(runs):
            took, rss, events = run(gotutor, track, some, work)
            if best is None or took < best[0]:
                best = (took, max(rss, best[1] if best else 0), events)
            else:
                best = (best[0], max(rss, best[1]), events)
        took, rss, events = best
        per = took / events * 1e6
        if base is None:
            base = (took, rss, per)
        print("%4d%% %9d %9d %7.3fs %9.1f %7.2f %7.2f %9.3f" % (
            share, len(some), events, took, rss / 1048576, took / base[0],
            rss / base[1], per))
        if share == 100:
            ok = took < TIME_MAX and rss < RSS_MAX
            print("per-event time at 100%% vs 10%%: %.2f (1.00 is "
                  "linear)" % (per / base[2]))
            print("%s: %.3f s (target < %.0f s), %.1f MiB (target < %d "
                  "MiB)" % ("PASS" if ok else "FAIL", took, TIME_MAX,
                            rss / 1048576, RSS_MAX // 1048576))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
