#!/usr/bin/env python3
"""run.py: prove the goroutine-leak and data-race detectors on real programs.

Each cases/NAME.go says in its header what must be found (see
cases/README.md). Every case runs through `gotutor play --json` in each
isolation tier, and the detectors' findings are compared with the header:
a want line missing is a false negative, a finding not wanted is a false
positive. Prints one line per case and detector, a table of true and false
positives and negatives, and exits non-zero on any false one.

usage: run.py GOTUTOR CASES_DIR [CASE...]
Environment: DETECT_TIERS (default "full degraded").
"""

import json, os, re, subprocess, sys

GOTUTOR, CASES = sys.argv[1], sys.argv[2]
ONLY = sys.argv[3:]
TIERS = os.environ.get("DETECT_TIERS", "full degraded").split()
DETECTORS = ("goroutine-leak", "data-race")


def header(path):
    """The wanted lines per detector, and the detectors that must be silent."""
    want, none = {}, set()
    with open(path) as f:
        for raw in f:
            if not raw.startswith("//"):
                break
            key, _, value = raw[2:].strip().partition(":")
            value = value.split()
            if key == "want":
                want.setdefault(value[0], set()).add(int(value[1]))
            elif key == "want-none":
                none.add(value[0])
    return want, none


def found_lines(diags, category, name):
    """The lines of a detector's findings in the case's file; a race names
    its second access in the message."""
    lines = set()
    for d in diags:
        if d["category"] != category:
            continue
        if d["file"] == name:
            lines.add(d["line"])
        if category != "data-race":
            continue
        for m in re.finditer(r"\bat %s:(\d+)" % re.escape(name), d["message"]):
            lines.add(int(m.group(1)))
    return lines


def main():
    names = sorted(n for n in os.listdir(CASES) if n.endswith(".go"))
    if ONLY:
        names = [n for n in names if n[:-3] in ONLY or n in ONLY]
    table = {d: {"tp": 0, "tn": 0, "fp": 0, "fn": 0} for d in DETECTORS}
    failed = 0
    for tier in TIERS:
        for name in names:
            path = os.path.join(CASES, name)
            want, none = header(path)
            argv = [GOTUTOR, "play", "--json"]
            if tier == "degraded":
                argv.append("--degraded")
            p = subprocess.run(argv + [path], capture_output=True, text=True,
                               timeout=180)
            try:
                out = json.loads(p.stdout)
            except ValueError:
                print("FAIL %s [%s]: no JSON (exit %d): %s" % (
                    name, tier, p.returncode, p.stderr.strip()[:300]))
                failed += 1
                continue
            checks = {c["name"]: c for c in out["checks"]}
            for det in DETECTORS:
                if det not in want and det not in none:
                    continue
                got = found_lines(out["diagnostics"], det, name)
                exp = want.get(det, set())
                ran = checks.get(det, {}).get("status") in ("pass", "fail")
                if not ran:
                    verdict = "FAIL"
                    note = "the check did not run: %s" % (
                        checks.get(det, {}).get("reason"),)
                elif exp and got == exp:
                    verdict, kind = "ok", "tp"
                elif not exp and not got:
                    verdict, kind = "ok", "tn"
                elif exp and not got:
                    verdict, kind = "FAIL", "fn"
                else:
                    verdict, kind = "FAIL", "fp" if got - exp else "fn"
                if ran:
                    table[det][kind] += 1
                    note = "want %s, got %s" % (sorted(exp) or "none",
                                                sorted(got) or "none")
                if verdict != "ok":
                    failed += 1
                print("%-4s %s [%s] %s: %s" % (verdict, name, tier, det, note))
    print()
    print("| detector | true positive | true negative | false positive | false negative |")
    print("|---|---|---|---|---|")
    for det in DETECTORS:
        t = table[det]
        print("| %s | %d | %d | %d | %d |" % (det, t["tp"], t["tn"], t["fp"], t["fn"]))
    print("%d failed" % failed)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
