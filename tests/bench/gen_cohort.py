#!/usr/bin/env python3
"""gen_cohort.py: a synthetic cohort for the report's benchmark.

usage: gen_cohort.py OUT LEARNERS [SEED]

Writes OUT/track/ (a 60-lesson track, each lesson a copy of the fixture
lesson tests/fixtures/valid/hello.yaml with a new id, title and concepts,
which gotutor lint accepts) and OUT/logs/learnerNNNN.log: per learner, the
lessons in order, each opened, checked about 8 times (failures with
realistic categories, then a pass), with hints and the odd solution, over
several days with idle gaps. Every record has its FNV-1a checksum. The same
seed gives the same cohort; learner i is the same whatever LEARNERS is.
"""

import json
import multiprocessing
import os
import random
import sys

LESSONS = 60
T0 = 1717200000000          # 2024-06-01 00:00:00 UTC
CONCEPTS = ["basics", "errors", "collections", "generics", "concurrency",
            "interfaces", "types", "testing"]
CATEGORIES = ["compile-error", "vet", "ignored-error", "idiom-trap", "panic",
              "deadlock", "goroutine-leak", "data-race", "timeout",
              "too-slow", "wrong-output", "wrong-exit-code"]
WEIGHTS = [30, 5, 8, 4, 8, 4, 4, 4, 2, 2, 25, 4]


def fnv1a64(data):
    h = 0xcbf29ce484222325
    for b in data:
        h = ((h ^ b) * 0x100000001b3) & 0xffffffffffffffff
    return "%016x" % h


def record(d):
    p = json.dumps(d, separators=(",", ":")).encode()
    return fnv1a64(p) + " " + p.decode() + "\n"


def write_track(out, here):
    src = os.path.join(here, "..", "fixtures", "valid", "hello.yaml")
    with open(src) as f:
        lesson = f.read()
    d = os.path.join(out, "track")
    os.makedirs(d, exist_ok=True)
    ids = ["lesson-%02d" % i for i in range(LESSONS)]
    with open(os.path.join(d, "track.yaml"), "w") as f:
        f.write("id: bench\ntitle: Benchmark track\nfrom: java\n"
                "description: |\n  A synthetic track for the report's "
                "benchmark.\nlessons:\n")
        for i in ids:
            f.write("  - %s\n" % i)
    for n, i in enumerate(ids):
        c = [CONCEPTS[n % len(CONCEPTS)], CONCEPTS[(n * 3 + 1) %
             len(CONCEPTS)]]
        text = lesson.replace("id: hello", "id: " + i, 1)
        text = text.replace("title: Hello, Go", "title: Lesson %d" % n, 1)
        text = text.replace("concepts: [basics]",
                            "concepts: [%s]" % ", ".join(sorted(set(c))), 1)
        with open(os.path.join(d, i + ".yaml"), "w") as f:
            f.write(text)
    return ids


def learner_log(ids, rng):
    out = []
    ts = T0 + rng.randrange(0, 3 * 86400000)
    skill = rng.random()
    # Most learners get through the track; some stop early.
    last = LESSONS if rng.random() < 0.7 else rng.randrange(1, LESSONS)
    for n in range(last):
        lesson = ids[n]

        def ev(kind, **kw):
            d = {"v": 1, "ts": ts, "ev": kind, "track": "bench",
                 "lesson": lesson}
            d.update(kw)
            out.append(record(d))
        ev("open")
        checks = max(1, int(rng.gauss(10 - 4 * skill, 3)))
        hints = 0
        for k in range(checks):
            ts += rng.randrange(20000, 240000)
            if rng.random() < 0.03:
                ts += rng.randrange(20 * 60000, 4 * 3600000)   # a break
            passed = k == checks - 1 and (n < last - 1 or
                                          rng.random() < 0.8)
            cats = [] if passed else sorted(set(rng.choices(
                CATEGORIES, WEIGHTS, k=rng.choice((1, 1, 1, 2)))))
            ev("check", verdict="pass" if passed else "fail",
               categories=cats, wall_ms=rng.randrange(0, 900),
               hash="%016x" % rng.getrandbits(64))
            if passed:
                ts += 11
                ev("passed")
            elif rng.random() < 0.15 and hints < 3:
                ts += rng.randrange(5000, 60000)
                ev("hint", hint=hints)
                hints += 1
        if rng.random() < 0.04:
            ts += 30000
            ev("solution")
        ts += rng.randrange(60000, 3 * 3600000)
        if rng.random() < 0.1:
            ts += rng.randrange(12 * 3600000, 2 * 86400000)   # next day
    return out


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: gen_cohort.py OUT LEARNERS [SEED]")
    out, n = sys.argv[1], int(sys.argv[2])
    seed = int(sys.argv[3]) if len(sys.argv) == 4 else 20250601
    here = os.path.dirname(os.path.abspath(__file__))
    ids = write_track(out, here)
    logs = os.path.join(out, "logs")
    os.makedirs(logs, exist_ok=True)
    jobs = [(ids, logs, seed, i) for i in range(n)]
    with multiprocessing.Pool() as pool:
        events = sum(pool.map(write_learner, jobs, chunksize=16))
    print("%d learners, %d lessons, %d events" % (n, LESSONS, events))


def write_learner(job):
    ids, logs, seed, i = job
    rng = random.Random(seed * 100003 + i)
    lines = learner_log(ids, rng)
    with open(os.path.join(logs, "learner%04d.log" % i), "w") as f:
        f.writelines(lines)
    return len(lines)


if __name__ == "__main__":
    main()
