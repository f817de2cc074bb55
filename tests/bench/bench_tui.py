#!/usr/bin/env python3
"""bench_tui.py: the tutor's time to its first full screen, from start to
the tracks view drawn (the screen-test harness: GOTUTOR_SCREEN_SCRIPT draws
into memory and dumps it), with the bundled tracks and with a generated
library of 10,000 lessons; medians of N, each against `gotutor --version`
(start-up alone) measured in the same run. Then the RSS of an idle tutor in
a real terminal (tmux) on the 10,000-lesson library.

usage: bench_tui.py GOTUTOR TOP_SRCDIR WORKDIR RUNS
"""
import os, shutil, statistics, subprocess, sys, time

gotutor, top, work, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
lib = os.path.join(work, "library")
script = os.path.join(work, "first.script")
with open(script, "w") as f:
    f.write(f"size 80 24\ndump {work}/first.txt\n")

# 100 tracks of 100 lessons, each a copy of a fixture lesson.
with open(os.path.join(top, "tests/detect/track/exact-output.yaml")) as f:
    lesson = f.read()
for t in range(100):
    d = os.path.join(lib, f"t{t:03d}")
    os.makedirs(d, exist_ok=True)
    ids = [f"l{t:03d}-{i:03d}" for i in range(100)]
    with open(os.path.join(d, "track.yaml"), "w") as f:
        f.write(f"id: t{t:03d}\ntitle: Track {t}\nfrom: java\ndescription: |\n"
                f"  Generated.\nlessons:\n" + "".join(f"  - {i}\n" for i in ids))
    for i in ids:
        with open(os.path.join(d, i + ".yaml"), "w") as f:
            f.write(lesson.replace("id: exact-output", "id: " + i, 1))

env = dict(os.environ, GOTUTOR_SCREEN_SCRIPT=script, TERM="xterm-256color",
           GOTUTOR_WORKSPACE=os.path.join(work, "ws"),
           XDG_DATA_HOME=os.path.join(work, "data"))


def timed(cmd, e):
    t = time.monotonic()
    p = subprocess.run(cmd, capture_output=True, env=e)
    if p.returncode != 0:
        sys.exit(f"bench_tui: {' '.join(cmd)} failed: {p.stderr.decode()[-500:]}")
    return (time.monotonic() - t) * 1000


def median(cmd, e):
    timed(cmd, e)   # warm the page cache
    return statistics.median(timed(cmd, e) for _ in range(runs))


base = median([gotutor, "--version"], os.environ)
bundled = median([gotutor], env)
big = median([gotutor, "--tracks", lib], env)
with open(os.path.join(work, "first.txt")) as f:
    if "Track 0" not in f.read():
        sys.exit("bench_tui: the first screen does not show the generated tracks")
print(f"time to the first full screen ({runs} runs each, medians)")
print(f"  gotutor --version (start-up)  {base:8.1f} ms")
print(f"  bundled tracks                {bundled:8.1f} ms  ratio {bundled / base:.2f}  "
      f"target under 50 ms: {'met' if bundled < 50 else 'NOT MET'}")
print(f"  10,000 lessons                {big:8.1f} ms  ratio {big / base:.2f}  "
      f"target under 500 ms: {'met' if big < 500 else 'NOT MET'}")



def idle_rss(args, n):
    """The VmRSS in KiB of the tutor idle in tmux, or None."""
    sock = f"bench-tui-{os.getpid()}-{n}"
    tm = ["tmux", "-L", sock, "-f", "/dev/null"]
    subprocess.run(tm + ["new-session", "-d", "-s", "b", "-x", "120", "-y", "40",
                         f"GOTUTOR_WORKSPACE={work}/ws {gotutor} {args}"])
    rss = None
    for _ in range(100):
        time.sleep(0.1)
        screen = subprocess.run(tm + ["capture-pane", "-p", "-t", "b"],
                                capture_output=True, text=True).stdout
        if "Choose a track" in screen:
            break
    time.sleep(0.5)
    # The oldest: the tutor itself, not its background cache warmer.
    out = subprocess.run(["pgrep", "-o", "-f", "^" + gotutor],
                         capture_output=True, text=True).stdout.split()
    for p in out:
        try:
            with open(f"/proc/{p}/status") as f:
                rss = int(f.read().split("VmRSS:")[1].split()[0])
        except (OSError, IndexError):
            pass
    subprocess.run(tm + ["kill-server"])
    return rss


# The idle tutor's memory, in a real terminal.
if shutil.which("tmux"):
    for n, (name, args) in enumerate((("bundled tracks", ""),
                                      ("10,000 lessons", "--tracks " + lib))):
        rss = idle_rss(args, n)
        if rss is None:
            print(f"  idle RSS, {name}: the tutor was not found in tmux")
        else:
            print(f"  idle RSS, {name:16s}  {rss / 1024:8.1f} MiB  "
                  f"target under 20 MiB: {'met' if rss < 20 * 1024 else 'NOT MET'}")
