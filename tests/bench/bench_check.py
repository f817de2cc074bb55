#!/usr/bin/env python3
"""bench_check.py: `gotutor check` of an edited lesson file with a warm
cache (the build with the leak harness, go vet and the ignored-error
analyzer beside it, then the run), against `go build && ./prog` of the same
file, alternating, medians of N. Then the same check of a lesson that also
asks for data races, to give the race build's added time on its own.

usage: bench_check.py GOTUTOR GO WORKDIR RUNS
"""
import os, statistics, subprocess, sys, time

gotutor, go, work, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
track = os.path.join(work, "track")
src = os.path.join(work, "learner")
os.makedirs(track, exist_ok=True)
os.makedirs(src, exist_ok=True)

# A learner's program of the size lessons ask for: it parses its input,
# fans the work out to goroutines and checks its errors.
PROGRAM = '''package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
)

// total sums the numbers on each line in its own goroutine.
func total(lines []string) (int, error) {
	var (
		mu  sync.Mutex
		wg  sync.WaitGroup
		sum int
		bad error
	)
	for _, line := range lines {
		wg.Add(1)
		go func(line string) {
			defer wg.Done()
			for _, f := range strings.Fields(line) {
				n, err := strconv.Atoi(f)
				mu.Lock()
				if err != nil && bad == nil {
					bad = fmt.Errorf("line %q: %w", line, err)
				}
				sum += n
				mu.Unlock()
			}
		}(line)
	}
	wg.Wait()
	return sum, bad
}

func main() {
	var lines []string
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	sum, err := total(lines)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println("total", sum)
}
'''
STDIN = "1 2 3\n4 5\n6\n"


def indent(text, n):
    return "".join(" " * n + line if line.strip() else line
                   for line in text.splitlines(True))


GO_IDIOM = indent('package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("total 21") }\n', 4)
PROGRAM6 = indent(PROGRAM, 6)
STDIN4 = indent(STDIN, 4)


def lesson(lid, detectors):
    dets = ", ".join(detectors)
    return f'''id: {lid}
title: Sum in parallel
concepts: [concurrency]
min-go: "1.21"
idiom:
  java: |
    public class Main {{
        public static void main(String[] args) {{
            System.out.println("total 21");
        }}
    }}
  python: |
    print("total 21")
  go: |
{GO_IDIOM}
  output: |
    total 21
explanation: |
  A benchmark lesson.
exercise:
  prompt: |
    Sum the numbers.
  files:
    main.go: |
{PROGRAM6}
  stdin: |
{STDIN4}
  expect:
    output: |
      total 21
    detectors: [{dets}]
  hints:
    - Sum them.
  solution:
    main.go: |
{PROGRAM6}
  wrong:
    - why: a sequential sum that prints the wrong total
      diagnosis: wrong-output
      files:
        main.go: |
          package main

          import "fmt"

          func main() {{ fmt.Println("total 0") }}
'''


with open(os.path.join(track, "track.yaml"), "w") as f:
    f.write("id: bench\ntitle: Bench\nfrom: java\ndescription: |\n  Bench.\n"
            "lessons:\n  - sum\n  - sum-race\n")
with open(os.path.join(track, "sum.yaml"), "w") as f:
    f.write(lesson("sum", ["vet", "ignored-error", "goroutine-leak"]))
with open(os.path.join(track, "sum-race.yaml"), "w") as f:
    f.write(lesson("sum-race", ["vet", "ignored-error", "goroutine-leak",
                                "data-race"]))
with open(os.path.join(src, "go.mod"), "w") as f:
    f.write("module play\n\ngo 1.21\n")
with open(os.path.join(work, "stdin"), "w") as f:
    f.write(STDIN)


def edit(i):
    with open(os.path.join(src, "main.go"), "w") as f:
        f.write(PROGRAM + f"\n// edit {i}\n")


def timed(cmd, stdin=None, **kw):
    t = time.monotonic()
    with open(stdin or os.devnull) as fin:
        p = subprocess.run(cmd, capture_output=True, stdin=fin, **kw)
    if p.returncode != 0:
        sys.exit(f"bench_check: {' '.join(cmd)} failed: "
                 f"{p.stdout.decode()[-800:]}{p.stderr.decode()[-800:]}")
    return (time.monotonic() - t) * 1000


# check records each run in a progress log: a scratch one, never the user's.
check_env = dict(os.environ, XDG_DATA_HOME=os.path.join(work, "data"))
check_env.pop("GOTUTOR_PROGRESS", None)


def check(lid):
    return timed([gotutor, "check", "--tracks", track, "bench/" + lid, src],
                 env=check_env)


env = dict(os.environ, CGO_ENABLED="0")
prog = os.path.join(work, "prog")
# Warm every cache: the build, the harness, the analyzer, the race build.
edit(0)
check("sum")
check("sum-race")
timed([go, "build", "-o", prog, "."], cwd=src, env=env)
plain, chk, race = [], [], []
for i in range(1, runs + 1):
    edit(i)
    t = timed([go, "build", "-o", prog, "."], cwd=src, env=env)
    t += timed([prog], stdin=os.path.join(work, "stdin"))
    plain.append(t)
    edit(i + 1000)
    chk.append(check("sum"))
    edit(i + 2000)
    race.append(check("sum-race"))
mb, mc, mr = (statistics.median(x) for x in (plain, chk, race))
print(f"check of an edited lesson file, warm cache ({runs} runs each, medians)")
print(f"  go build && ./prog               {mb:8.1f} ms")
print(f"  gotutor check (vet, errors, leaks) {mc:6.1f} ms  ratio {mc / mb:.2f}")
print(f"  target: ratio at most 1.5: {'met' if mc / mb <= 1.5 else 'NOT MET'}")
print(f"  gotutor check, also data races {mr:8.1f} ms  "
      f"(the race build and run add {mr - mc:.1f} ms, ratio {mr / mb:.2f})")
