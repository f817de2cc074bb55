#!/usr/bin/env python3
"""bench_dashboard.py: how fast the instructor's dashboard loads a class.

usage: bench_dashboard.py GOTUTOR TOP_SRCDIR WORK [RUNS]

Makes a synthetic cohort with gen_cohort.py (2,000 learners x 60 lessons x
about 8 checks, about a million events), puts 10%, 50% and 100% of its logs
into class folders, and times `gotutor class dashboard` drawing its first
screen and quitting (the screen-script mode: no terminal needed). The
baseline is the same with an empty class, measured in the same run. The
target: under 1 s for the whole cohort, and time growing linearly.
"""

import os
import subprocess
import sys
import time

LEARNERS = 2000


def run_once(gotutor, cls, track, script, env):
    start = time.monotonic()
    p = subprocess.Popen([gotutor, "class", "dashboard", cls, "--tracks",
                          track], env=env, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.monotonic() - start
    if status != 0:
        sys.exit("bench_dashboard: the dashboard failed on %s (status %d)"
                 % (cls, status))
    return wall, ru.ru_maxrss / 1024.0


def make_class(gotutor, work, name, track, logs, n):
    cls = os.path.join(work, name)
    subprocess.run([gotutor, "class", "init", cls, "--track", "bench",
                    "--tracks", track], check=True,
                   stdout=subprocess.DEVNULL)
    learners = os.path.join(cls, "learners")
    for f in logs[:n]:
        os.link(os.path.join(work, "cohort", "logs", f),
                os.path.join(learners, f))
    return cls


def main():
    gotutor, top, work = sys.argv[1:4]
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    subprocess.run([sys.executable, os.path.join(top, "tests", "bench",
                    "gen_cohort.py"), os.path.join(work, "cohort"),
                    str(LEARNERS)], check=True, stdout=subprocess.DEVNULL)
    track = os.path.join(work, "cohort", "track")
    logs = sorted(os.listdir(os.path.join(work, "cohort", "logs")))
    script = os.path.join(work, "dash.script")
    with open(script, "w") as f:
        f.write("size 120 40\ndump %s\n" % os.path.join(work, "dash.txt"))
    env = dict(os.environ, GOTUTOR_SCREEN_SCRIPT=script, TERM="xterm",
               LANG="C.UTF-8", NO_COLOR="1")
    sizes = [0, LEARNERS // 10, LEARNERS // 2, LEARNERS]
    events = {}
    for n in sizes:
        events[n] = 0
        for f in logs[:n]:
            with open(os.path.join(work, "cohort", "logs", f), "rb") as fh:
                events[n] += fh.read().count(b"\n")
    classes = {n: make_class(gotutor, work, "class%d" % n, track, logs, n)
               for n in sizes}
    print("dashboard: first screen of a class, best of %d runs" % runs)
    base = None
    per = {}
    for n in sizes:
        best = min(run_once(gotutor, classes[n], track, script, env)
                   for _ in range(runs))
        if base is None:
            base = best[0]
        per[n] = best[0]
        print("  %4d learners %8d events  %7.1f ms  %6.1f MiB peak RSS  "
              "%5.1fx the empty class" % (n, events[n], best[0] * 1000,
                                         best[1], best[0] / base))
    with open(os.path.join(work, "dash.txt")) as f:
        rows = [l for l in f.read().splitlines() if "/60" in l]
    if len(rows) == 0:
        sys.exit("bench_dashboard: the dashboard drew no learner")
    full = per[LEARNERS] - base
    for n in sizes[1:-1]:
        print("  linearity: %d%% of the cohort took %.0f%% of the whole's "
              "load time" % (100 * n // LEARNERS,
                             100 * (per[n] - base) / full if full > 0 else 0))
    print("  target: the whole cohort under 1000 ms: %s (%.1f ms)"
          % ("PASS" if per[LEARNERS] < 1.0 else "FAIL",
             per[LEARNERS] * 1000))


if __name__ == "__main__":
    main()
