#!/usr/bin/env python3
"""bench_play.py: `gotutor play --fast` and `gotutor play` of an edited
hello world with a warm cache, against `go build && ./prog` of the same
edit, alternating, medians of N.

usage: bench_play.py GOTUTOR GO WORKDIR RUNS
"""
import os, statistics, subprocess, sys, time

gotutor, go, work, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
src = os.path.join(work, "play")
os.makedirs(src, exist_ok=True)
with open(os.path.join(src, "go.mod"), "w") as f:
    f.write("module play\n\ngo 1.21\n")


def edit(i):
    with open(os.path.join(src, "main.go"), "w") as f:
        f.write(f'package main\n\nimport "fmt"\n\nfunc main() {{ fmt.Println("hello {i}") }}\n')


def timed(cmd, **kw):
    t = time.monotonic()
    p = subprocess.run(cmd, capture_output=True, **kw)
    if p.returncode != 0:
        sys.exit(f"bench_play: {cmd[0]} failed: {p.stderr.decode()[-500:]}")
    return (time.monotonic() - t) * 1000


env = dict(os.environ, CGO_ENABLED="0")
# Warm both caches.
edit(0)
timed([gotutor, "play", src])
timed([go, "build", "-trimpath", "-o", os.path.join(work, "prog"), "."], cwd=src, env=env)
timed([gotutor, "play", "--fast", src])
play, fast, plain = [], [], []
for i in range(1, runs + 1):
    edit(i)
    play.append(timed([gotutor, "play", src]))
    edit(i + 500)
    fast.append(timed([gotutor, "play", "--fast", src]))
    edit(i + 1000)
    t = timed([go, "build", "-trimpath", "-o", os.path.join(work, "prog"), "."], cwd=src, env=env)
    t += timed([os.path.join(work, "prog")])
    plain.append(t)
mp, mf, mb = (statistics.median(x) for x in (play, fast, plain))
print(f"play of an edited hello world, warm cache ({runs} runs each, medians)")
print(f"  go build && ./prog   {mb:8.1f} ms")
print(f"  gotutor play --fast  {mf:8.1f} ms  ratio {mf / mb:.2f}  (the jails, "
      f"the build with the leak harness, the run)")
print(f"  target: ratio at most 1.2: {'met' if mf / mb <= 1.2 else 'NOT MET'}")
print(f"  gotutor play         {mp:8.1f} ms  ratio {mp / mb:.2f}  (and go vet "
      f"with the error analyzer beside the build)")
