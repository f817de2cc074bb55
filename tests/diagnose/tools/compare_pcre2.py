# Usage: gcc -o /tmp/diagcorpus/pm tools/pcre2_match.c -lpcre2-8 && python3 tools/compare_pcre2.py /tmp/diagcorpus/pm
# Runs every pattern of check_regexes.py over every output with PCRE2 (MULTILINE|UTF, as src/diagnose.c)
# and with Python re.M, and reports any difference in the matched line spans.
import os
import re, sys, glob, importlib.util, subprocess, os
spec = importlib.util.spec_from_file_location("c", os.path.join(os.path.dirname(os.path.abspath(__file__)), "check_regexes.py"))
c = importlib.util.module_from_spec(spec); spec.loader.exec_module(c)
with open("/tmp/diagcorpus/pats.tsv", "w") as f:
    for k, v in c.ALL.items(): f.write(f"{k}\t{v}\n")
files = sorted(glob.glob(os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "outputs", "*.txt")))
out = subprocess.run([sys.argv[1], "/tmp/diagcorpus/pats.tsv"] + files, capture_output=True, text=True).stdout
pc = {}
for l in out.splitlines():
    fn, k, m = l.split("\t"); pc[(fn, k)] = m
diff = 0; spans = 0
for fn in files:
    buf = open(fn).read()
    for k, v in c.ALL.items():
        r = re.compile(v, re.M)
        s = ""
        pos = 0
        for m in r.finditer(buf):
            l0 = buf.count("\n", 0, m.start()) + 1; l1 = l0 + buf.count("\n", m.start(), m.end())
            s += f"{l0}-{l1},"
        if s != pc[(fn, k)]:
            diff += 1; print("DIFF", os.path.basename(fn), k, s[:80], "| pcre2:", pc[(fn, k)][:80])
        for part in filter(None, s.split(",")):
            a, b = part.split("-")
            if a != b: spans += 1; print("MULTI-LINE MATCH", os.path.basename(fn), k, part)
print("pattern x file comparisons:", len(files) * len(c.ALL), "differences:", diff, "multi-line matches:", spans)
