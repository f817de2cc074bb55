#!/bin/sh
# report_html.sh: `gotutor report --format html` on the report fixtures and
# a class with a roster: a self-contained file (no script, no external
# reference), well formed, with its five SVG charts and every string
# escaped; then rendered by headless Chromium on a desktop, on a phone and
# to PDF. The rendering is skipped, with a message, when chromium is not
# installed (Debian's chromium package).
. "$top_srcdir/tests/lib.sh"
fx=$top_srcdir/tests/fixtures/report
tmp=$TMPDIR_TEST
html=$tmp/report.html

# A class with a roster: the runner's own log is trusted, mallory's (also
# the runner's file) is flagged. The names try to break out of the HTML.
me=$(id -un)
run "$GOTUTOR" class init "$tmp/class" --track rt --tracks "$fx/track"
expect_status 0 "class init for the report"
printf 'login,name,email\n%s,"=cmd|calc, Eve",me@example.edu\nmallory,"-Mallory <b>&'"'"'</b>",@mal@example.edu\n' \
    "$me" >"$tmp/class/roster.csv"
cp "$fx/bob.log" "$tmp/class/learners/$me.log"
cp "$fx/alice.log" "$tmp/class/learners/mallory.log"

run "$GOTUTOR" report --now 2024-06-10 --tracks "$fx/track" \
    --class "$tmp/class" "$fx/alice.log" "$fx/alice2.log" "$fx/bob.log" \
    "$fx/carol.log" "$fx/erin.log" --format html -o "$html"
expect_status 1 "report --format html (the fixtures have warnings)"
if [ -s "$html" ]; then ok "the HTML report is written"; else
	not_ok "the HTML report is written"; finish; fi

# Self-contained: no script, no reference that leaves the file.
if grep -qi '<script' "$html"; then not_ok "no <script>"; else
	ok "no <script>"; fi
if grep -qiE 'https?:|<link|<img|<iframe|@import|url\(|src=' "$html"; then
	not_ok "no external reference"
	grep -noiE 'https?:[^"]*|<link|<img|<iframe|@import|url\(|src=' \
	    "$html" | head -5
else
	ok "no external reference"
fi
for s in '<meta name="viewport" content="width=device-width, initial-scale=1">' \
    '@media print' '<meta charset="utf-8">'; do
	if grep -qF "$s" "$html"; then ok "it has $s"; else
		not_ok "it lacks $s"; fi
done

# Well formed enough for python's parser; the charts; the escaping.
if python3 - "$html" "$me" >"$tmp/py" 2>&1 <<'PY'
import html.parser, re, sys
doc = open(sys.argv[1], encoding="utf-8").read()
me = sys.argv[2]
VOID = {"meta", "br", "hr", "img", "input", "link", "wbr", "col"}
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.svgs, self.titles = [], [], [], 0
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "svg":
            self.svgs.append(a.get("class", ""))
            if "viewbox" not in a:    # the parser lowercases names
                self.errors.append("an svg without a viewBox")
            if a.get("role") != "img" or not a.get("aria-labelledby"):
                self.errors.append("an svg without role/aria-labelledby")
        if tag == "title" and "svg" in self.stack:
            self.titles += 1
        if tag not in VOID:
            self.stack.append(tag)
    def handle_startendtag(self, tag, attrs):
        pass
    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append("</%s> at %s closes %s" % (tag,
                self.getpos(), self.stack[-1:]))
            if tag in self.stack:
                while self.stack.pop() != tag:
                    pass
        else:
            self.stack.pop()
p = P()
p.feed(doc)
p.close()
if p.stack:
    p.errors.append("unclosed: %s" % p.stack)
kinds = {c for c in p.svgs if c.startswith("chart-")}
want = {"chart-funnel", "chart-pass-rate", "chart-heatmap",
        "chart-profile", "chart-activity"}
if not want <= kinds:
    p.errors.append("charts missing: %s" % (want - kinds))
if p.titles < len(p.svgs):
    p.errors.append("%d svgs, %d titles" % (len(p.svgs), p.titles))
# Every string is escaped: the roster's names never come through raw.
if "<b>&" in doc or "-Mallory <b>" in doc:
    p.errors.append("a roster name is not escaped")
if "-Mallory &lt;b&gt;&amp;&#39;&lt;/b&gt;" not in doc:
    p.errors.append("the escaped name is missing")
# The flagged learner is listed and marked.
m = re.search(r'<tr class="flagged"><td>-Mallory[^\n]*', doc)
if not m or "flagged" not in m.group(0):
    p.errors.append("mallory is not marked as flagged")
if "=cmd|calc, Eve" not in doc:
    p.errors.append("the trusted learner is missing")
for w in ("bad checksum", "not trusted"):
    if w not in doc:
        p.errors.append("warning %r is not listed" % w)
print("%d svgs (%s), %d titles" % (len(p.svgs), " ".join(sorted(kinds)),
      p.titles))
for e in p.errors:
    print("error:", e)
sys.exit(1 if p.errors else 0)
PY
then ok "well formed, with its charts, titles and escaping: $(cat "$tmp/py")"
else not_ok "the HTML checks"; cat "$tmp/py"; fi

# An empty report (no learners, no lessons passed) is still a whole page.
run "$GOTUTOR" report --now 2024-06-10 --tracks "$fx/track" "$fx/erin.log" \
    --format html -o "$tmp/empty.html"
expect_status 0 "an HTML report of one learner with an empty log"
if grep -q '</html>' "$tmp/empty.html" && ! grep -q '<script' \
    "$tmp/empty.html"; then ok "the empty report is a whole page"; else
	not_ok "the empty report is a whole page"; fi

if ! command -v chromium >/dev/null 2>&1; then
	printf 'skip: chromium is not installed (apt-get install chromium); '
	printf 'the rendering checks are skipped\n'
	finish
fi

# chromium ARGS...: run headless, its chatter to a file.
chromium_run() {
	timeout 120 chromium --headless=new --no-sandbox --disable-gpu \
	    --hide-scrollbars --no-first-run --disable-extensions \
	    --user-data-dir="$tmp/chromium" "$@" 2>>"$tmp/chromium.log"
}

# png_check FILE: a PNG of a sane size that is not blank (many colours).
png_check() {
	python3 - "$1" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
if data[:8] != b"\x89PNG\r\n\x1a\n":
    sys.exit("not a PNG")
pos, idat, ihdr = 8, b"", None
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        ihdr = struct.unpack(">IIBBBBB", body)
    elif kind == b"IDAT":
        idat += body
    pos += 12 + n
w, h, depth, ctype = ihdr[:4]
if depth != 8 or ctype not in (2, 6):
    sys.exit("unexpected PNG type %d/%d" % (depth, ctype))
bpp = 3 if ctype == 2 else 4
raw, stride = zlib.decompress(idat), w * bpp
prev, colours, pos = bytearray(stride), set(), 0
for y in range(h):
    ft, line = raw[pos], bytearray(raw[pos + 1:pos + 1 + stride])
    pos += 1 + stride
    if ft == 1:
        for i in range(bpp, stride):
            line[i] = (line[i] + line[i - bpp]) & 255
    elif ft == 2:
        line = bytearray((a + b) & 255 for a, b in zip(line, prev))
    elif ft == 3:
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
    elif ft == 4:
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            pr = a if pa <= pb and pa <= pc else b if pb <= pc else c
            line[i] = (line[i] + pr) & 255
    if y % 4 == 0:
        for x in range(0, stride, bpp * 2):
            colours.add(bytes(line[x:x + 3]))
    prev = line
print("%dx%d, %d colours" % (w, h, len(colours)))
sys.exit(0 if len(colours) >= 40 else 1)
PY
}

# The desktop: a screenshot with the charts in it.
chromium_run --screenshot="$tmp/desktop.png" --window-size=1280,2400 \
    "file://$html" >/dev/null
if [ -s "$tmp/desktop.png" ] && out=$(png_check "$tmp/desktop.png"); then
	ok "the desktop screenshot is not blank: $out"
else
	not_ok "the desktop screenshot: $out"; tail -5 "$tmp/chromium.log"
fi

# The DOM Chromium built holds the charts.
chromium_run --dump-dom "file://$html" >"$tmp/dom.html"
n=0
for c in chart-funnel chart-pass-rate chart-heatmap chart-profile \
    chart-activity; do
	grep -q "<svg class=\"$c\"" "$tmp/dom.html" && n=$((n + 1))
done
expect_eq "$n" 5 "the rendered DOM has the five charts"

# A phone: a screenshot, and nothing wider than the screen.
chromium_run --screenshot="$tmp/phone.png" --window-size=390,2000 \
    "file://$html" >/dev/null
if [ -s "$tmp/phone.png" ] && out=$(png_check "$tmp/phone.png"); then
	ok "the phone screenshot is not blank: $out"
else
	not_ok "the phone screenshot: $out"
fi
cat >"$tmp/frame.html" <<HTML
<!DOCTYPE html><html><body>
<iframe id="f" src="file://$html" style="width:390px;height:800px;border:0"></iframe>
<script>
document.getElementById("f").onload = function () {
	var d = this.contentDocument.documentElement;
	document.body.setAttribute("data-width", d.scrollWidth + "/" + d.clientWidth);
};
</script></body></html>
HTML
chromium_run --allow-file-access-from-files --virtual-time-budget=5000 \
    --dump-dom "file://$tmp/frame.html" >"$tmp/frame.dom"
w=$(sed -n 's/.*data-width="\([0-9]*\/[0-9]*\)".*/\1/p' "$tmp/frame.dom")
case $w in
"") printf 'note: the phone width could not be measured\n';;
*) expect_eq "${w%/*}" "${w#*/}" "no horizontal overflow on a phone ($w)";;
esac

# Print: a PDF.
chromium_run --print-to-pdf="$tmp/report.pdf" --no-pdf-header-footer \
    "file://$html" >/dev/null
if [ "$(head -c 5 "$tmp/report.pdf" 2>/dev/null)" = "%PDF-" ] &&
    [ "$(wc -c <"$tmp/report.pdf")" -gt 10000 ]; then
	ok "it prints to PDF ($(wc -c <"$tmp/report.pdf") bytes)"
else
	not_ok "it prints to PDF"
fi

# Keep the screenshots when asked (for a note or a review).
if [ -n "${REPORT_SCREENSHOTS:-}" ]; then
	cp "$tmp/desktop.png" "$REPORT_SCREENSHOTS/report-screenshot.png"
	cp "$tmp/phone.png" "$REPORT_SCREENSHOTS/report-screenshot-phone.png"
	cp "$html" "$REPORT_SCREENSHOTS/report.html"
fi
finish
