/*
 * report_html: the HTML format. One self-contained HTML5 file: an inline
 * style sheet, inline SVG charts, no script, no font, image or link that
 * leaves the file. Every chart has a title and a description for screen
 * readers and carries its numbers as text, so it reads in grey scale on
 * paper. It fits a phone: charts and tables scroll sideways in their own
 * box, never the page. Every string from the model is escaped.
 */

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "report.h"
#include "xmalloc.h"

#define HTML_PROFILE_MAX	40	/* learners in the profile chart */
#define HTML_TOP_MAX		3	/* categories named in a cell */

/* The heat map's sequential palette (ColorBrewer Oranges), light to dark;
 * the last two carry white text. */
static const char *const html_heat[] = {
	"#fdd0a2", "#fdae6b", "#fd8d3c", "#d94801", "#8c2d04"
};
#define HTML_NHEAT	(sizeof html_heat / sizeof html_heat[0])

static const char html_style[] =
":root{--ink:#1b2733;--muted:#5b6b7b;--line:#d9e0e8;--soft:#f4f7fa;"
"--blue:#1f5f9e;--blue-l:#9cc3e6;--blue-xl:#e3edf7;--warn:#9a3412}\n"
"*{box-sizing:border-box}\n"
"html{-webkit-text-size-adjust:100%;text-size-adjust:100%}\n"
"body{margin:0;color:var(--ink);background:#fff;font:15px/1.5 system-ui,"
"-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,sans-serif}\n"
"main{max-width:1120px;margin:0 auto;padding:28px 20px 56px}\n"
"h1{font-size:1.75rem;line-height:1.2;margin:0 0 6px;font-weight:650;"
"letter-spacing:-.01em}\n"
"h2{font-size:1.25rem;line-height:1.3;margin:44px 0 4px;padding-top:14px;"
"border-top:1px solid var(--line);font-weight:600}\n"
"p{margin:6px 0}\n"
".meta,.note,figcaption{color:var(--muted)}\n"
".meta{margin:0}\n"
".note,figcaption{font-size:.8125rem}\n"
"a{color:var(--blue)}\n"
"nav ul{list-style:none;padding:0;margin:18px 0 0;display:flex;"
"flex-wrap:wrap;gap:4px 16px;font-size:.875rem}\n"
".cards{display:grid;grid-template-columns:repeat(auto-fill,"
"minmax(150px,1fr));gap:12px;margin:16px 0 0}\n"
".card{border:1px solid var(--line);border-radius:8px;padding:12px 14px;"
"background:var(--soft)}\n"
".card b{display:block;font-size:1.5rem;line-height:1.2;font-weight:600;"
"font-variant-numeric:tabular-nums}\n"
".card b.word{font-size:1.0625rem;padding:.3rem 0 .2rem;"
"overflow-wrap:anywhere}\n"
".card span{font-size:.8125rem;color:var(--muted)}\n"
"figure{margin:16px 0 0}\n"
".chart{overflow-x:auto}\n"
".chart svg{display:block;width:100%;height:auto}\n"
"svg text{font-family:inherit;font-size:12px;fill:var(--ink)}\n"
"svg .m{fill:var(--muted)}\n"
"svg .b{font-weight:600}\n"
"svg .s{font-size:11px}\n"
"svg .w{fill:#fff}\n"
"svg .grid{stroke:var(--line);stroke-width:1}\n"
"svg .axis{stroke:var(--muted);stroke-width:1}\n"
"svg .bar{fill:var(--blue)}\n"
"svg .bar-l{fill:var(--blue-l)}\n"
"svg .track{fill:var(--blue-xl)}\n"
"svg .empty{fill:var(--soft);stroke:var(--line)}\n"
".table-wrap{overflow-x:auto;margin-top:12px;border:1px solid var(--line);"
"border-radius:8px}\n"
"table{border-collapse:collapse;width:100%;font-size:.8125rem}\n"
"th,td{padding:6px 10px;text-align:left;border-bottom:1px solid "
"var(--line);white-space:nowrap;vertical-align:top}\n"
"tbody tr:last-child td{border-bottom:0}\n"
"td.wrap{white-space:normal;min-width:16em}\n"
"thead th{background:var(--soft);font-weight:600}\n"
".n{text-align:right;font-variant-numeric:tabular-nums}\n"
"tr.flagged td{background:#fff7ed}\n"
".login{color:var(--muted)}\n"
".badge{display:inline-block;padding:0 6px;border:1px solid var(--line);"
"border-radius:4px;font-size:.75rem;color:var(--muted)}\n"
".badge.flag{color:var(--warn);border-color:#f6b27a}\n"
"ol.struggle li{margin:4px 0}\n"
"ol.warnings{font:.8125rem/1.5 ui-monospace,SFMono-Regular,Menlo,"
"Consolas,monospace;padding-left:2.5em;word-break:break-word}\n"
".narrow{display:none}\n"
"@media (max-width:820px){.wide{display:none}.narrow{display:block}}\n"
"@media (max-width:640px){main{padding:18px 12px 40px}"
"h1{font-size:1.4rem}h2{margin-top:32px}"
".card b{font-size:1.25rem}}\n"
"@media print{@page{margin:14mm}body{font-size:10pt}"
"main{max-width:none;padding:0}nav{display:none}"
"h2{break-after:avoid;page-break-after:avoid}"
"figure,.card,tr,li{break-inside:avoid;page-break-inside:avoid}"
".chart,.table-wrap{overflow:visible}.table-wrap{border:0}"
".chart svg{min-width:0!important}thead{display:table-header-group}"
"th,td{white-space:normal}a{color:inherit;text-decoration:none}"
"svg{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
".wide{display:block!important}.narrow{display:none!important}}\n";

/* Write s with & < > " ' escaped; NULL writes nothing. */
static void
html_esc(FILE *f, const char *s)
{
	if (s == NULL)
		return;
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&':
			fputs("&amp;", f);
			break;
		case '<':
			fputs("&lt;", f);
			break;
		case '>':
			fputs("&gt;", f);
			break;
		case '"':
			fputs("&quot;", f);
			break;
		case '\'':
			fputs("&#39;", f);
			break;
		default:
			fputc(*s, f);
			break;
		}
	}
}

/* Write s escaped, cut to max characters (UTF-8 code points) with an
 * ellipsis. */
static void
html_esc_max(FILE *f, const char *s, size_t max)
{
	const char	*p;
	char		*cut;
	size_t		 n = 0;

	if (s == NULL)
		return;
	for (p = s; *p != '\0'; p++) {
		if (((unsigned char)*p & 0xc0) != 0x80)
			n++;
	}
	if (n <= max) {
		html_esc(f, s);
		return;
	}
	for (n = 0, p = s; *p != '\0'; p++) {
		if (((unsigned char)*p & 0xc0) != 0x80 && n++ == max - 1)
			break;
	}
	cut = xstrndup(s, p - s);
	html_esc(f, cut);
	fputs("\xe2\x80\xa6", f);
	free(cut);
}

/* Format n with thousands separators into buf. */
static const char *
html_count(char *buf, size_t size, unsigned long long n)
{
	char	 tmp[32];
	size_t	 len, i, j = 0;

	len = (size_t)snprintf(tmp, sizeof tmp, "%llu", n);
	for (i = 0; i < len && j + 2 < size; i++) {
		if (i != 0 && (len - i) % 3 == 0)
			buf[j++] = ',';
		buf[j++] = tmp[i];
	}
	buf[j] = '\0';
	return (buf);
}

/* The ways html_time writes a time. */
enum html_when {
	HTML_DATE,		/* 2024-06-10 */
	HTML_DATETIME,		/* 2024-06-10 14:03 UTC */
	HTML_MONTHDAY		/* 06-10 */
};

/* Format a UTC time into buf; "" for 0. */
static const char *
html_time(char *buf, size_t size, uint64_t ms, enum html_when when)
{
	struct tm	 tm;
	time_t		 t;
	size_t		 n = 0;

	buf[0] = '\0';
	if (ms == 0)
		return (buf);
	t = (time_t)(ms / 1000);
	if (gmtime_r(&t, &tm) == NULL)
		return (buf);
	switch (when) {
	case HTML_DATE:
		n = strftime(buf, size, "%Y-%m-%d", &tm);
		break;
	case HTML_DATETIME:
		n = strftime(buf, size, "%Y-%m-%d %H:%M UTC", &tm);
		break;
	case HTML_MONTHDAY:
		n = strftime(buf, size, "%m-%d", &tm);
		break;
	}
	if (n == 0)
		buf[0] = '\0';
	return (buf);
}

/* Format a duration as "45 s", "12 min" or "3 h 05 min" into buf. */
static const char *
html_duration(char *buf, size_t size, double ms)
{
	unsigned long long	 min;

	if (ms < 60000) {
		snprintf(buf, size, "%.0f s", ms / 1000);
		return (buf);
	}
	min = (unsigned long long)(ms / 60000 + 0.5);
	if (min < 60)
		snprintf(buf, size, "%llu min", min);
	else
		snprintf(buf, size, "%llu h %02llu min", min / 60, min % 60);
	return (buf);
}

/* A report lesson's title, or its id when it has none. */
static const char *
html_title(const struct report_lesson *rl)
{
	if (rl->lesson == NULL)
		return ("?");
	if (rl->lesson->title != NULL && *rl->lesson->title != '\0')
		return (rl->lesson->title);
	return (rl->lesson->id != NULL ? rl->lesson->id : "?");
}

/* Write a report lesson's "track/lesson" reference, escaped. */
static void
html_ref(FILE *f, const struct report_lesson *rl)
{
	if (rl->track != NULL)
		html_esc(f, rl->track->id);
	fputc('/', f);
	if (rl->lesson != NULL)
		html_esc(f, rl->lesson->id);
}

/* Write a track's title (or id), escaped. */
static void
html_track(FILE *f, const struct track *t)
{
	if (t == NULL)
		fputs("(no track)", f);
	else if (t->title != NULL && *t->title != '\0')
		html_esc(f, t->title);
	else
		html_esc(f, t->id);
}

/* Write up to max of a count list as "compile-error 4, vet 2". */
static void
html_top(FILE *f, const struct report_count *top, size_t ntop, size_t max)
{
	size_t	 i;

	if (ntop == 0) {
		fputs("\xe2\x80\x94", f);
		return;
	}
	for (i = 0; i < ntop && i < max; i++) {
		if (top[i].category >= CAT__COUNT)
			continue;
		fprintf(f, "%s%s\xc2\xa0%u", i == 0 ? "" : ", ",
		    category_names[top[i].category], top[i].n);
	}
}

/* Which screens a chart's rendering is for: a chart comes once for all,
 * or twice, for wide screens and paper and for phones (the style sheet
 * shows one). */
enum html_fit {
	HTML_ALL,
	HTML_WIDE,
	HTML_NARROW
};

/* Start an accessible SVG of the given viewBox in a figure; the chart's
 * class is "chart-<kind>". */
static void
html_svg_begin(FILE *f, const char *kind, enum html_fit fit,
    const char *title, double w, double h, double minw)
{
	static const char *const cls[] = { "", " wide", " narrow" };
	static const char *const sfx[] = { "", "", "-n" };

	fprintf(f, "<figure class=\"chart%s\" id=\"fig-%s%s\">\n", cls[fit],
	    kind, sfx[fit]);
	fprintf(f, "<svg class=\"chart-%s\" viewBox=\"0 0 %.0f %.0f\" "
	    "style=\"max-width:%.0fpx;min-width:%.0fpx\" role=\"img\" "
	    "aria-labelledby=\"t-%s%s d-%s%s\">\n", kind, w, h,
	    fit == HTML_NARROW ? w * 1.6 : w, minw, kind, sfx[fit], kind,
	    sfx[fit]);
	fprintf(f, "<title id=\"t-%s%s\">", kind, sfx[fit]);
	html_esc(f, title);
	fprintf(f, "</title>\n<desc id=\"d-%s%s\">", kind, sfx[fit]);
}

/* End the description and start drawing. */
static void
html_svg_draw(FILE *f)
{
	fputs("</desc>\n", f);
}

/* End the SVG and its figure. */
static void
html_svg_end(FILE *f)
{
	fputs("</svg>\n</figure>\n", f);
}

/* The number of learners who passed every lesson. */
static size_t
html_completed(const struct report *rep)
{
	size_t	 i, n = 0;

	for (i = 0; i < rep->nlearners; i++) {
		if (rep->nlessons != 0 &&
		    rep->learners[i].passed >= rep->nlessons)
			n++;
	}
	return (n);
}

/* Write the document's head and the report's header. */
static void
html_header(FILE *f, const struct report *rep)
{
	char	 date[64], a[32], b[32], c[32];

	html_time(date, sizeof date, rep->now_ms, HTML_DATETIME);
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n"
	    "<meta name=\"generator\" content=\"gotutor\">\n"
	    "<title>Cohort progress report", f);
	if (*date != '\0')
		fprintf(f, " \xc2\xb7 %s", date);
	fprintf(f, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<main>\n",
	    html_style);

	fputs("<header>\n<h1>Cohort progress report</h1>\n<p class=\"meta\">",
	    f);
	fprintf(f, "%s learner%s \xc2\xb7 %s lesson%s \xc2\xb7 "
	    "%s event%s",
	    html_count(a, sizeof a, rep->nlearners),
	    rep->nlearners == 1 ? "" : "s",
	    html_count(b, sizeof b, rep->nlessons),
	    rep->nlessons == 1 ? "" : "s",
	    html_count(c, sizeof c, rep->events), rep->events == 1 ? "" : "s");
	if (*date != '\0')
		fprintf(f, " \xc2\xb7 generated %s", date);
	if (rep->nwarnings != 0) {
		fprintf(f, " \xc2\xb7 <a href=\"#warnings\">%s warning%s</a>",
		    html_count(a, sizeof a, rep->nwarnings),
		    rep->nwarnings == 1 ? "" : "s");
	} else
		fputs(" \xc2\xb7 no warnings", f);
	fputs("</p>\n<nav aria-label=\"Sections\"><ul>"
	    "<li><a href=\"#summary\">Summary</a></li>"
	    "<li><a href=\"#funnel\">Funnel</a></li>"
	    "<li><a href=\"#pass-rate\">Pass rates</a></li>"
	    "<li><a href=\"#heatmap\">Failure categories</a></li>"
	    "<li><a href=\"#profile\">Migration profiles</a></li>"
	    "<li><a href=\"#activity\">Activity</a></li>"
	    "<li><a href=\"#learners\">Learners</a></li>"
	    "<li><a href=\"#lessons\">Lessons</a></li>"
	    "<li><a href=\"#struggle\">Struggle points</a></li>"
	    "<li><a href=\"#inactive\">Inactive</a></li>"
	    "<li><a href=\"#warnings\">Warnings</a></li>"
	    "</ul></nav>\n</header>\n", f);
}

/* Write one summary card. */
static void
html_card(FILE *f, const char *value, const char *label)
{
	fprintf(f, "<div class=\"card\"><b>%s</b><span>%s</span></div>\n",
	    value, label);
}

/* Write the cohort summary: the headline figures as cards. */
static void
html_summary(FILE *f, const struct report *rep)
{
	char		 buf[64], lbl[96];
	size_t		 i, inactive = 0, flagged = 0, started = 0;
	uint64_t	 passes = 0;
	unsigned	 worst = 0;
	int		 top = -1;

	for (i = 0; i < rep->nlearners; i++) {
		passes += rep->learners[i].passed;
		if (rep->learners[i].inactive)
			inactive++;
		if (rep->learners[i].flag != NULL)
			flagged++;
		if (rep->learners[i].events != 0)
			started++;
	}
	for (i = 0; i < CAT__COUNT; i++) {
		if (rep->fails[i] > worst) {
			worst = rep->fails[i];
			top = (int)i;
		}
	}

	fputs("<section id=\"summary\">\n<h2>Summary</h2>\n"
	    "<div class=\"cards\">\n", f);
	html_card(f, html_count(buf, sizeof buf, rep->nlearners), "learners");
	snprintf(lbl, sizeof lbl, "active in the last %u days",
	    rep->inactive_days);
	html_card(f, html_count(buf, sizeof buf, rep->nlearners - inactive),
	    lbl);
	html_card(f, html_count(buf, sizeof buf, rep->nlessons), "lessons");
	if (rep->nlearners != 0 && rep->nlessons != 0) {
		snprintf(buf, sizeof buf, "%.0f%%", 100.0 * (double)passes /
		    ((double)rep->nlearners * (double)rep->nlessons));
	} else
		snprintf(buf, sizeof buf, "\xe2\x80\x94");
	html_card(f, buf, "of all lessons passed");
	html_card(f, html_count(buf, sizeof buf, html_completed(rep)),
	    "passed every lesson");
	html_card(f, html_count(buf, sizeof buf, rep->events),
	    "events recorded");
	if (top >= 0) {
		fputs("<div class=\"card\"><b class=\"word\">", f);
		html_esc(f, category_names[top]);
		fprintf(f, "</b><span>most common failure, %s check%s</span>"
		    "</div>\n", html_count(buf, sizeof buf, worst),
		    worst == 1 ? "" : "s");
	}
	if (flagged != 0) {
		html_card(f, html_count(buf, sizeof buf, flagged),
		    "flagged logs (not trusted)");
	}
	fputs("</div>\n", f);
	fprintf(f, "<p class=\"note\">%s learner%s started at least one "
	    "lesson. %s duplicate event%s dropped.</p>\n",
	    html_count(buf, sizeof buf, started), started == 1 ? "" : "s",
	    html_count(lbl, sizeof lbl, rep->duplicates),
	    rep->duplicates == 1 ? " was" : "s were");
	fputs("</section>\n", f);
}

/* A round top for a value axis of four steps, at least max: each step
 * 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten, whole. */
static double
html_nice(double max)
{
	static const double	 nice[] = { 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10 };
	double			 step, mag;
	size_t			 i;

	if (max <= 4)
		return (4);
	step = max / 4;
	mag = pow(10, floor(log10(step)));
	for (i = 0; i < sizeof nice / sizeof nice[0]; i++) {
		if (nice[i] * mag >= step && floor(nice[i] * mag) == nice[i] * mag)
			break;
	}
	if (i == sizeof nice / sizeof nice[0])
		return (4 * 10 * mag);
	return (4 * nice[i] * mag);
}

/* Write a value axis's grid lines and labels for a vertical chart. */
static void
html_grid(FILE *f, double x0, double x1, double y0, double h, double max)
{
	char	 buf[32];
	double	 y;
	int	 g;

	for (g = 0; g <= 4; g++) {
		y = y0 + h - h * g / 4;
		fprintf(f, "<line class=\"%s\" x1=\"%.1f\" x2=\"%.1f\" "
		    "y1=\"%.1f\" y2=\"%.1f\"/>", g == 0 ? "axis" : "grid",
		    x0, x1, y, y);
		fprintf(f, "<text class=\"m s\" x=\"%.1f\" y=\"%.1f\" "
		    "text-anchor=\"end\">%s</text>\n", x0 - 6, y + 4,
		    html_count(buf, sizeof buf,
		    (unsigned long long)(max * g / 4 + 0.5)));
	}
}

/* Write one rendering of the funnel chart. */
static void
html_funnel_svg(FILE *f, const struct report *rep, enum html_fit fit)
{
	const double	 W = fit == HTML_NARROW ? 400 : 1080;
	const double	 H = fit == HTML_NARROW ? 230 : 300;
	const double	 ml = fit == HTML_NARROW ? 44 : 56, mr = 8;
	const double	 mt = 36, mb = 46;
	char		 buf[32];
	double		 pw = W - ml - mr, ph = H - mt - mb, bw, gap, max = 1;
	double		 x, h;
	size_t		 k, n, step;

	n = rep->nlessons + 1;
	for (k = 0; k < n; k++) {
		if (rep->funnel[k] > max)
			max = (double)rep->funnel[k];
	}
	max = html_nice(max);
	bw = pw / n > 72 ? 72 : pw / n;
	gap = bw * 0.18;
	step = (size_t)ceil(40 / bw);
	if (step == 0)
		step = 1;

	html_svg_begin(f, "funnel", fit, "Funnel: learners by lessons passed "
	    "in a row", W, H, 0);
	for (k = 0; k < n; k++) {
		fprintf(f, "%s%zu lesson%s: %zu", k == 0 ? "" : "; ", k,
		    k == 1 ? "" : "s", rep->funnel[k]);
	}
	html_svg_draw(f);
	html_grid(f, ml, W - mr, mt, ph, max);
	for (k = 0; k < n; k++) {
		h = ph * rep->funnel[k] / max;
		x = ml + k * bw + gap / 2;
		fprintf(f, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" "
		    "width=\"%.1f\" height=\"%.1f\"><title>%zu+ lessons: "
		    "%s learners</title></rect>\n", x, mt + ph - h,
		    bw - gap, h, k, html_count(buf, sizeof buf,
		    rep->funnel[k]));
		/* Every step-th bar and the last, which may push out the
		 * step-th one just before it. */
		if (k != n - 1 && (k % step != 0 || n - 1 - k < (step + 1) / 2))
			continue;
		fprintf(f, "<text class=\"s\" x=\"%.1f\" y=\"%.1f\" "
		    "text-anchor=\"middle\">%s</text>", x + (bw - gap) / 2,
		    mt + ph - h - 5, buf);
		fprintf(f, "<text class=\"m s\" x=\"%.1f\" y=\"%.1f\" "
		    "text-anchor=\"middle\">%zu</text>\n", x + (bw - gap) / 2,
		    mt + ph + 16, k);
	}
	fprintf(f, "<text class=\"m\" x=\"%.1f\" y=\"%.1f\" "
	    "text-anchor=\"middle\">lessons passed in a row</text>\n",
	    ml + pw / 2, H - 6);
	fputs("<text class=\"m\" x=\"4\" y=\"12\">learners</text>\n", f);
	html_svg_end(f);
}

/* Write the funnel: how many learners passed at least k lessons in a row
 * from the first, for k = 0 .. lessons. */
static void
html_funnel(FILE *f, const struct report *rep)
{
	fputs("<section id=\"funnel\">\n<h2>Funnel</h2>\n<p class=\"note\">"
	    "Learners who passed at least <i>k</i> lessons in a row, from "
	    "the first lesson in teaching order.</p>\n", f);
	if (rep->funnel == NULL || rep->nlessons == 0) {
		fputs("<p>No lessons to chart.</p>\n</section>\n", f);
		return;
	}
	html_funnel_svg(f, rep, HTML_WIDE);
	html_funnel_svg(f, rep, HTML_NARROW);
	fprintf(f, "<p class=\"note\">%zu learners in all; %zu passed every "
	    "lesson in order.</p>\n</section>\n", rep->funnel[0],
	    rep->funnel[rep->nlessons]);
}

/* Write one rendering of the pass-rate chart: a bar per lesson, grouped by
 * track; on phones the label goes above its bar. */
static void
html_pass_rate_svg(FILE *f, const struct report *rep, enum html_fit fit)
{
	const int	 narrow = fit == HTML_NARROW;
	const double	 W = narrow ? 400 : 960, lx = 8;
	const double	 bx = narrow ? 8 : 380, bw = narrow ? 270 : 420;
	const double	 rowh = narrow ? 36 : 24, top = 30;
	const double	 by = narrow ? 18 : 5, bh = narrow ? 11 : 14;
	const struct report_lesson *rl;
	const struct track *prev = NULL;
	double		 y, H;
	size_t		 i, rows = 0;
	int		 g;

	for (i = 0; i < rep->nlessons; i++) {
		if (i == 0 || rep->lessons[i].track != prev)
			rows++;
		prev = rep->lessons[i].track;
		rows++;
	}
	H = top + rows * rowh + 6;

	html_svg_begin(f, "pass-rate", fit, "Pass rate per lesson", W, H,
	    narrow ? 0 : 720);
	for (i = 0; i < rep->nlessons; i++) {
		rl = &rep->lessons[i];
		fprintf(f, "%s", i == 0 ? "" : "; ");
		html_esc(f, html_title(rl));
		if (rl->started == 0)
			fputs(": not started", f);
		else {
			fprintf(f, ": %.0f%% of %u started", rl->pass_rate * 100,
			    rl->started);
		}
	}
	html_svg_draw(f);
	for (g = 0; g <= 4; g++) {
		fprintf(f, "<line class=\"grid\" x1=\"%.1f\" x2=\"%.1f\" "
		    "y1=\"%.1f\" y2=\"%.1f\"/><text class=\"m s\" x=\"%.1f\" "
		    "y=\"18\" text-anchor=\"%s\">%d%%</text>\n",
		    bx + bw * g / 4, bx + bw * g / 4, top - 6, H - 4,
		    bx + bw * g / 4, g == 0 && narrow ? "start" : "middle",
		    g * 25);
	}
	y = top;
	prev = NULL;
	for (i = 0; i < rep->nlessons; i++) {
		rl = &rep->lessons[i];
		if (i == 0 || rl->track != prev) {
			fprintf(f, "<text class=\"b\" x=\"%.1f\" y=\"%.1f\">",
			    lx, y + 16);
			html_track(f, rl->track);
			fputs("</text>\n", f);
			y += narrow ? 24 : rowh;
		}
		prev = rl->track;
		fprintf(f, "<g><title>");
		html_esc(f, html_title(rl));
		fputs(" (", f);
		html_ref(f, rl);
		fprintf(f, "): %u passed of %u started</title>", rl->passed,
		    rl->started);
		fprintf(f, "<text x=\"%.1f\" y=\"%.1f\">", narrow ? lx : lx + 12,
		    narrow ? y + 13 : y + 16);
		html_esc_max(f, html_title(rl), narrow ? 56 : 50);
		fputs("</text>", f);
		fprintf(f, "<rect class=\"track\" x=\"%.1f\" y=\"%.1f\" "
		    "width=\"%.1f\" height=\"%.1f\"/>", bx, y + by, bw, bh);
		if (rl->started != 0) {
			fprintf(f, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" "
			    "width=\"%.1f\" height=\"%.1f\"/>", bx, y + by,
			    bw * rl->pass_rate, bh);
			fprintf(f, "<text x=\"%.1f\" y=\"%.1f\"><tspan "
			    "class=\"b\">%.0f%%</tspan><tspan class=\"m\"> of "
			    "%u started</tspan></text>", bx + bw + 8,
			    y + by + bh - 2, rl->pass_rate * 100, rl->started);
		} else {
			fprintf(f, "<text class=\"m\" x=\"%.1f\" y=\"%.1f\">"
			    "not started</text>", bx + bw + 8, y + by + bh - 2);
		}
		fputs("</g>\n", f);
		y += rowh;
	}
	html_svg_end(f);
}

/* Write the pass-rate chart. */
static void
html_pass_rate(FILE *f, const struct report *rep)
{
	fputs("<section id=\"pass-rate\">\n<h2>Pass rate per lesson</h2>\n"
	    "<p class=\"note\">Of the learners who started a lesson, the share "
	    "who passed it.</p>\n", f);
	if (rep->nlessons == 0) {
		fputs("<p>No lessons to chart.</p>\n</section>\n", f);
		return;
	}
	html_pass_rate_svg(f, rep, HTML_WIDE);
	html_pass_rate_svg(f, rep, HTML_NARROW);
	fputs("</section>\n", f);
}

/* The palette step of count n against the largest count max: 0..4. */
static size_t
html_heat_step(unsigned n, unsigned max)
{
	size_t	 s;

	s = (size_t)(((unsigned long long)n * HTML_NHEAT + max - 1) / max);
	return (s == 0 ? 0 : s - 1);
}

/* Write the heat map: lessons down, failure categories across, a cell's
 * colour and number the count of failed checks. */
static void
html_heatmap(FILE *f, const struct report *rep)
{
	const double	 lw = 250, cw = 52, ch = 22, head = 104;
	const struct report_lesson *rl;
	size_t		 cats[CAT__COUNT], ncats = 0, i, j, s;
	unsigned	 max = 0, n, lo, hi;
	double		 W, H, x, y, lx;

	fputs("<section id=\"heatmap\">\n<h2>Failure categories per "
	    "lesson</h2>\n<p class=\"note\">Failed checks by category; "
	    "categories no check failed with are left out.</p>\n", f);
	for (i = 0; i < CAT__COUNT; i++) {
		if (rep->fails[i] != 0)
			cats[ncats++] = i;
	}
	for (i = 0; i < rep->nlessons; i++) {
		for (j = 0; j < ncats; j++) {
			if (rep->lessons[i].fails[cats[j]] > max)
				max = rep->lessons[i].fails[cats[j]];
		}
	}
	if (ncats == 0 || max == 0 || rep->nlessons == 0) {
		fputs("<p>No failed checks yet.</p>\n</section>\n", f);
		return;
	}
	W = lw + ncats * cw + 72;	/* room for the last slanted label */
	if (W < 520)
		W = 520;
	H = head + rep->nlessons * ch + 56;

	html_svg_begin(f, "heatmap", HTML_ALL, "Failed checks per lesson and category",
	    W, H, W < 720 ? W : 720);
	for (i = 0; i < rep->nlessons; i++) {
		rl = &rep->lessons[i];
		fprintf(f, "%s", i == 0 ? "" : "; ");
		html_esc(f, html_title(rl));
		fputs(":", f);
		for (j = 0, n = 0; j < ncats; j++) {
			if (rl->fails[cats[j]] == 0)
				continue;
			fprintf(f, "%s %s %u", n++ == 0 ? "" : ",",
			    category_names[cats[j]], rl->fails[cats[j]]);
		}
		if (n == 0)
			fputs(" none", f);
	}
	html_svg_draw(f);
	for (j = 0; j < ncats; j++) {
		x = lw + j * cw + cw / 2;
		fprintf(f, "<text class=\"s\" transform=\"translate(%.1f %.1f) "
		    "rotate(-45)\">%s</text>\n", x - 2, head - 8,
		    category_names[cats[j]]);
	}
	for (i = 0; i < rep->nlessons; i++) {
		rl = &rep->lessons[i];
		y = head + i * ch;
		fprintf(f, "<text x=\"4\" y=\"%.1f\">", y + 15);
		html_esc_max(f, html_title(rl), 36);
		fputs("</text>\n", f);
		for (j = 0; j < ncats; j++) {
			n = rl->fails[cats[j]];
			x = lw + j * cw;
			if (n == 0) {
				fprintf(f, "<rect class=\"empty\" x=\"%.1f\" "
				    "y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>",
				    x + 1, y + 1, cw - 2, ch - 2);
				continue;
			}
			s = html_heat_step(n, max);
			fprintf(f, "<g><title>");
			html_esc(f, html_title(rl));
			fprintf(f, ", %s: %u failed check%s</title><rect "
			    "x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\""
			    " fill=\"%s\"/><text%s x=\"%.1f\" y=\"%.1f\" "
			    "text-anchor=\"middle\">%u</text></g>",
			    category_names[cats[j]], n, n == 1 ? "" : "s",
			    x + 1, y + 1, cw - 2, ch - 2, html_heat[s],
			    s >= HTML_NHEAT - 2 ? " class=\"w\"" : "",
			    x + cw / 2, y + 15, n);
		}
		fputc('\n', f);
	}

	/* The legend: each palette step and the counts it stands for. */
	y = head + rep->nlessons * ch + 22;
	fprintf(f, "<text class=\"m s\" x=\"4\" y=\"%.1f\">failed checks"
	    "</text>", y + 12);
	lx = 100;
	for (s = 0; s < HTML_NHEAT; s++) {
		lo = (unsigned)((unsigned long long)max * s / HTML_NHEAT) + 1;
		hi = (unsigned)((unsigned long long)max * (s + 1) / HTML_NHEAT);
		if (hi < lo)
			continue;
		fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"16\" "
		    "height=\"16\" fill=\"%s\"/>", lx, y, html_heat[s]);
		if (lo == hi) {
			fprintf(f, "<text class=\"s\" x=\"%.1f\" y=\"%.1f\">%u"
			    "</text>\n", lx + 20, y + 12, lo);
		} else {
			fprintf(f, "<text class=\"s\" x=\"%.1f\" y=\"%.1f\">"
			    "%u\xe2\x80\x93%u</text>\n", lx + 20, y + 12, lo, hi);
		}
		lx += 84;
	}
	fprintf(f, "<rect class=\"empty\" x=\"%.1f\" y=\"%.1f\" width=\"16\" "
	    "height=\"16\"/><text class=\"s\" x=\"%.1f\" y=\"%.1f\">none"
	    "</text>\n", lx, y, lx + 20, y + 12);
	html_svg_end(f);
	fputs("</section>\n", f);
}

/* A learner's share of the profile's lessons passed, all axes together. */
static double
html_profile_share(const struct report_learner *rl)
{
	unsigned	 passed = 0, total = 0;
	size_t		 a;

	for (a = 0; a < REPORT_AXIS__COUNT; a++) {
		passed += rl->profile[a].passed;
		total += rl->profile[a].total;
	}
	return (total == 0 ? 1 : (double)passed / total);
}

/* Failed checks on a learner's profile, all axes together. */
static unsigned
html_profile_failed(const struct report_learner *rl)
{
	unsigned	 failed = 0;
	size_t		 a;

	for (a = 0; a < REPORT_AXIS__COUNT; a++)
		failed += rl->profile[a].failed;
	return (failed);
}

/* qsort: learners who started first, then the lowest profile share, then
 * the most failed checks, then by login. */
static int
html_profile_cmp(const void *a, const void *b)
{
	const struct report_learner	*la = *(const struct report_learner *const *)a;
	const struct report_learner	*lb = *(const struct report_learner *const *)b;
	double				 sa, sb;
	unsigned			 fa, fb;

	if ((la->events != 0) != (lb->events != 0))
		return (la->events != 0 ? -1 : 1);
	sa = html_profile_share(la);
	sb = html_profile_share(lb);
	if (sa != sb)
		return (sa < sb ? -1 : 1);
	fa = html_profile_failed(la);
	fb = html_profile_failed(lb);
	if (fa != fb)
		return (fa > fb ? -1 : 1);
	return (strcmp(la->login != NULL ? la->login : "",
	    lb->login != NULL ? lb->login : ""));
}

/* Write one row of the profile chart: a label and a bar per axis; on
 * phones the label goes above the bars. */
static void
html_profile_row(FILE *f, enum html_fit fit, const char *label, int bold,
    int flagged, const struct report_axis_score *p, double y)
{
	const int	 narrow = fit == HTML_NARROW;
	const double	 lw = narrow ? 8 : 260, colw = narrow ? 130 : 233;
	const double	 bw = narrow ? 70 : 150, by = narrow ? 19 : 6;
	double		 x, share;
	size_t		 a;

	fprintf(f, "<g><title>");
	html_esc(f, label);
	for (a = 0; a < REPORT_AXIS__COUNT; a++) {
		fprintf(f, "%s %s %u of %u", a == 0 ? ":" : ",",
		    report_axis_names[a], p[a].passed, p[a].total);
	}
	fputs("</title>", f);
	fprintf(f, "<text%s x=\"8\" y=\"%.1f\">", bold ? " class=\"b\"" : "",
	    y + (narrow ? 13 : 16));
	html_esc_max(f, label, narrow ? 48 : 32);
	if (flagged)
		fputs(" <tspan class=\"m\">(flagged)</tspan>", f);
	fputs("</text>", f);
	for (a = 0; a < REPORT_AXIS__COUNT; a++) {
		x = lw + a * colw;
		fprintf(f, "<rect class=\"track\" x=\"%.1f\" y=\"%.1f\" "
		    "width=\"%.1f\" height=\"11\"/>", x, y + by, bw);
		if (p[a].total == 0) {
			fprintf(f, "<text class=\"m s\" x=\"%.1f\" y=\"%.1f\">"
			    "\xe2\x80\x94</text>", x + bw + 6, y + by + 10);
			continue;
		}
		share = (double)p[a].passed / p[a].total;
		if (share > 1)
			share = 1;
		fprintf(f, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" "
		    "width=\"%.1f\" height=\"11\"/><text class=\"s\" x=\"%.1f\" "
		    "y=\"%.1f\">%u/%u</text>", x, y + by, bw * share,
		    x + bw + 6, y + by + 10, p[a].passed, p[a].total);
	}
	fputs("</g>\n", f);
}

/* Write one rendering of the profile chart. */
static void
html_profile_svg(FILE *f, const struct report *rep, enum html_fit fit,
    const struct report_axis_score *cohort,
    const struct report_learner *const *order, size_t n)
{
	const int	 narrow = fit == HTML_NARROW;
	const double	 W = narrow ? 400 : 960, lw = narrow ? 8 : 260;
	const double	 colw = narrow ? 130 : 233, rowh = narrow ? 36 : 24;
	const double	 head = 30;
	size_t		 i, a;
	double		 H, y;

	(void)rep;
	H = head + (n + 1) * rowh + 14;
	html_svg_begin(f, "profile", fit, "Migration profiles: lessons passed "
	    "per axis", W, H, narrow ? 0 : 720);
	fputs("Whole cohort:", f);
	for (a = 0; a < REPORT_AXIS__COUNT; a++) {
		fprintf(f, "%s %s %u of %u", a == 0 ? "" : ",",
		    report_axis_names[a], cohort[a].passed, cohort[a].total);
	}
	for (i = 0; i < n; i++) {
		fputs("; ", f);
		html_esc(f, report_learner_name(order[i]));
		for (a = 0; a < REPORT_AXIS__COUNT; a++) {
			fprintf(f, "%s %s %u of %u", a == 0 ? ":" : ",",
			    report_axis_names[a], order[i]->profile[a].passed,
			    order[i]->profile[a].total);
		}
	}
	html_svg_draw(f);
	for (a = 0; a < REPORT_AXIS__COUNT; a++) {
		fprintf(f, "<text class=\"b\" x=\"%.1f\" y=\"18\">",
		    lw + a * colw);
		html_esc(f, report_axis_names[a]);
		fputs("</text>\n", f);
	}
	html_profile_row(f, fit, "Whole cohort", 1, 0, cohort, head);
	y = head + rowh;
	fprintf(f, "<line class=\"grid\" x1=\"0\" x2=\"%.0f\" y1=\"%.1f\" "
	    "y2=\"%.1f\"/>\n", W, y + 4, y + 4);
	y += 8;
	for (i = 0; i < n; i++) {
		html_profile_row(f, fit, report_learner_name(order[i]), 0,
		    order[i]->flag != NULL, order[i]->profile, y);
		y += rowh;
	}
	html_svg_end(f);
}

/* Write the migration profiles: lessons passed on each axis (errors,
 * collections, concurrency), for the cohort and for up to
 * HTML_PROFILE_MAX learners. */
static void
html_profile(FILE *f, const struct report *rep)
{
	const struct report_learner **order;
	struct report_axis_score cohort[REPORT_AXIS__COUNT];
	size_t		 i, a, n;

	fputs("<section id=\"profile\">\n<h2>Migration profiles</h2>\n"
	    "<p class=\"note\">Lessons passed on each axis of the move to Go. "
	    "A lesson counts on an axis when its concepts include it.</p>\n",
	    f);
	memset(cohort, 0, sizeof cohort);
	for (i = 0; i < rep->nlearners; i++) {
		for (a = 0; a < REPORT_AXIS__COUNT; a++) {
			cohort[a].passed += rep->learners[i].profile[a].passed;
			cohort[a].total += rep->learners[i].profile[a].total;
		}
	}
	order = xcalloc(rep->nlearners + 1, sizeof *order);
	for (i = 0; i < rep->nlearners; i++)
		order[i] = &rep->learners[i];
	n = rep->nlearners;
	if (n > HTML_PROFILE_MAX) {
		qsort(order, n, sizeof *order, html_profile_cmp);
		n = HTML_PROFILE_MAX;
	}
	html_profile_svg(f, rep, HTML_WIDE, cohort, order, n);
	html_profile_svg(f, rep, HTML_NARROW, cohort, order, n);
	if (rep->nlearners > HTML_PROFILE_MAX) {
		fprintf(f, "<p class=\"note\">Showing the %d of %zu learners "
		    "with the lowest share of profile lessons passed (those "
		    "who started first). The learner table below has everyone."
		    "</p>\n", HTML_PROFILE_MAX, rep->nlearners);
	}
	fputs("</section>\n", f);
	free(order);
}

/* Write one rendering of the activity chart. */
static void
html_activity_svg(FILE *f, const struct report *rep, enum html_fit fit)
{
	const double	 W = fit == HTML_NARROW ? 400 : 1080;
	const double	 H = fit == HTML_NARROW ? 220 : 260;
	const double	 ml = fit == HTML_NARROW ? 44 : 56, mr = 8;
	const double	 mt = 34, mb = 40;
	const struct report_day *d;
	char		 date[32];
	double		 pw = W - ml - mr, ph = H - mt - mb, bw, gap, max = 1;
	double		 x, h;
	size_t		 i, step;

	for (i = 0; i < rep->ndays; i++) {
		if (rep->days[i].events > max)
			max = rep->days[i].events;
	}
	max = html_nice(max);
	bw = pw / rep->ndays > 48 ? 48 : pw / rep->ndays;
	gap = bw > 4 ? bw * 0.2 : 0;
	step = (size_t)ceil(48 / bw);
	if (step == 0)
		step = 1;

	html_svg_begin(f, "activity", fit, "Activity per day", W, H, 0);
	for (i = 0; i < rep->ndays; i++) {
		d = &rep->days[i];
		fprintf(f, "%s%s: %u events, %u learners, %u passed",
		    i == 0 ? "" : "; ", html_time(date, sizeof date, d->day_ms,
		    HTML_DATE), d->events, d->learners, d->passes);
	}
	html_svg_draw(f);
	html_grid(f, ml, W - mr, mt, ph, max);
	for (i = 0; i < rep->ndays; i++) {
		d = &rep->days[i];
		x = ml + i * bw + gap / 2;
		html_time(date, sizeof date, d->day_ms, HTML_DATE);
		fprintf(f, "<g><title>%s: %u events, %u learners active, %u "
		    "lessons passed</title>", date, d->events, d->learners,
		    d->passes);
		h = ph * d->events / max;
		fprintf(f, "<rect class=\"bar-l\" x=\"%.1f\" y=\"%.1f\" "
		    "width=\"%.1f\" height=\"%.1f\"/>", x, mt + ph - h,
		    bw - gap, h);
		h = ph * d->passes / max;
		if (h > 0) {
			fprintf(f, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" "
			    "width=\"%.1f\" height=\"%.1f\"/>", x, mt + ph - h,
			    bw - gap, h);
		}
		fputs("</g>", f);
		if (i % step == 0) {
			fprintf(f, "<text class=\"m s\" x=\"%.1f\" y=\"%.1f\" "
			    "text-anchor=\"middle\">%s</text>", x +
			    (bw - gap) / 2, mt + ph + 16, html_time(date,
			    sizeof date, d->day_ms, HTML_MONTHDAY));
		}
		fputc('\n', f);
	}
	fprintf(f, "<rect class=\"bar-l\" x=\"%.1f\" y=\"6\" width=\"12\" "
	    "height=\"12\"/><text class=\"s\" x=\"%.1f\" y=\"16\">events"
	    "</text><rect class=\"bar\" x=\"%.1f\" y=\"6\" width=\"12\" "
	    "height=\"12\"/><text class=\"s\" x=\"%.1f\" y=\"16\">lessons "
	    "passed</text>\n", W - mr - 196, W - mr - 180, W - mr - 116,
	    W - mr - 100);
	fputs("<text class=\"m\" x=\"4\" y=\"16\">events</text>\n", f);
	html_svg_end(f);
}

/* Write the activity chart: events per UTC day, lessons passed on top. */
static void
html_activity(FILE *f, const struct report *rep)
{
	char	 first[32], last[32];

	fputs("<section id=\"activity\">\n<h2>Activity over time</h2>\n", f);
	if (rep->days == NULL || rep->ndays == 0) {
		fputs("<p>No activity recorded.</p>\n</section>\n", f);
		return;
	}
	html_time(first, sizeof first, rep->days[0].day_ms, HTML_DATE);
	html_time(last, sizeof last, rep->days[rep->ndays - 1].day_ms,
	    HTML_DATE);
	fprintf(f, "<p class=\"note\">Events per day (UTC), %s to %s, with "
	    "the lessons passed that day.</p>\n", first, last);
	html_activity_svg(f, rep, HTML_WIDE);
	html_activity_svg(f, rep, HTML_NARROW);
	fputs("</section>\n", f);
}

/* Write a learner's name cell: the name with the login, or the login. */
static void
html_learner_cell(FILE *f, const struct report_learner *rl)
{
	fputs("<td>", f);
	if (rl->name != NULL && *rl->name != '\0') {
		html_esc(f, rl->name);
		fputs(" <span class=\"login\">", f);
		html_esc(f, rl->login);
		fputs("</span>", f);
	} else
		html_esc(f, rl->login);
	fputs("</td>", f);
}

/* Write the learner table: everyone, with their figures. */
static void
html_learners(FILE *f, const struct report *rep)
{
	const struct report_learner *rl;
	char		 buf[64];
	size_t		 i, k;

	fputs("<section id=\"learners\">\n<h2>Learners</h2>\n", f);
	if (rep->nlearners == 0) {
		fputs("<p>No learners.</p>\n</section>\n", f);
		return;
	}
	fputs("<p class=\"note\">Time counts from a lesson's first event to "
	    "its pass, without idle gaps. Mistake kinds count failed checks: "
	    "syntax (compile errors), toolchain (vet, ignored errors, idiom "
	    "traps), concurrency (leaks, deadlocks, races, too slow) and "
	    "runtime (the rest). Flagged learners' logs are not trusted.</p>\n"
	    "<div class=\"table-wrap\"><table>\n<thead><tr><th>Learner</th>"
	    "<th class=\"n\">Passed</th><th class=\"n\">Attempts</th>"
	    "<th class=\"n\">Time</th><th class=\"n\">Hints</th>"
	    "<th class=\"n\">Solutions</th><th>Top failures</th>", f);
	for (k = 0; k < REPORT_KIND__COUNT; k++) {
		fputs("<th class=\"n\">", f);
		html_esc(f, report_kind_names[k]);
		fputs("</th>", f);
	}
	fputs("<th>Last active</th><th>Notes</th></tr></thead>\n<tbody>\n", f);
	for (i = 0; i < rep->nlearners; i++) {
		rl = &rep->learners[i];
		fputs(rl->flag != NULL ? "<tr class=\"flagged\">" : "<tr>", f);
		html_learner_cell(f, rl);
		fprintf(f, "<td class=\"n\">%u of %zu</td><td class=\"n\">%u"
		    "</td>", rl->passed, rep->nlessons, rl->attempts);
		fprintf(f, "<td class=\"n\">%s</td>", rl->time_ms == 0 ?
		    "\xe2\x80\x94" : html_duration(buf, sizeof buf,
		    (double)rl->time_ms));
		fprintf(f, "<td class=\"n\">%u</td><td class=\"n\">%u</td><td class=\"wrap\">",
		    rl->hints, rl->solutions);
		html_top(f, rl->top, rl->ntop, HTML_TOP_MAX);
		fputs("</td>", f);
		for (k = 0; k < REPORT_KIND__COUNT; k++)
			fprintf(f, "<td class=\"n\">%u</td>", rl->kinds[k]);
		fprintf(f, "<td>%s</td><td>", rl->last_ms == 0 ? "never" :
		    html_time(buf, sizeof buf, rl->last_ms, HTML_DATE));
		if (rl->flag != NULL) {
			fputs("<span class=\"badge flag\">flagged</span> ", f);
			html_esc(f, rl->flag);
		} else if (rl->inactive)
			fputs("<span class=\"badge\">inactive</span>", f);
		fputs("</td></tr>\n", f);
	}
	fputs("</tbody></table></div>\n</section>\n", f);
}

/* Write the lesson table: every lesson's pass rate, medians and top
 * failures. */
static void
html_lessons(FILE *f, const struct report *rep)
{
	const struct report_lesson *rl;
	char		 buf[64];
	size_t		 i;

	fputs("<section id=\"lessons\">\n<h2>Lessons</h2>\n", f);
	if (rep->nlessons == 0) {
		fputs("<p>No lessons.</p>\n</section>\n", f);
		return;
	}
	fputs("<p class=\"note\">Medians are over the learners who passed: "
	    "checks and time to the first pass.</p>\n"
	    "<div class=\"table-wrap\"><table>\n<thead><tr>"
	    "<th class=\"n\">#</th><th>Lesson</th><th>Track</th>"
	    "<th class=\"n\">Started</th><th class=\"n\">Passed</th>"
	    "<th class=\"n\">Pass rate</th><th class=\"n\">Median attempts"
	    "</th><th class=\"n\">Median time</th><th>Top failures</th>"
	    "</tr></thead>\n<tbody>\n", f);
	for (i = 0; i < rep->nlessons; i++) {
		rl = &rep->lessons[i];
		fprintf(f, "<tr><td class=\"n\">%zu</td><td>", i + 1);
		html_esc(f, html_title(rl));
		fputs(" <span class=\"login\">", f);
		html_ref(f, rl);
		fputs("</span></td><td>", f);
		if (rl->track != NULL)
			html_esc(f, rl->track->id);
		fprintf(f, "</td><td class=\"n\">%u</td><td class=\"n\">%u"
		    "</td>", rl->started, rl->passed);
		if (rl->started == 0)
			fputs("<td class=\"n\">\xe2\x80\x94</td>", f);
		else {
			fprintf(f, "<td class=\"n\">%.0f%%</td>",
			    rl->pass_rate * 100);
		}
		if (rl->passed == 0) {
			fputs("<td class=\"n\">\xe2\x80\x94</td>"
			    "<td class=\"n\">\xe2\x80\x94</td>", f);
		} else {
			fprintf(f, "<td class=\"n\">%.1f</td><td class=\"n\">%s"
			    "</td>", rl->median_attempts, html_duration(buf,
			    sizeof buf, rl->median_time_ms));
		}
		fputs("<td class=\"wrap\">", f);
		html_top(f, rl->top, rl->ntop, HTML_TOP_MAX);
		fputs("</td></tr>\n", f);
	}
	fputs("</tbody></table></div>\n</section>\n", f);
}

/* Write the struggle points: the hardest lessons and why. */
static void
html_struggle(FILE *f, const struct report *rep)
{
	const struct report_lesson *rl;
	size_t		 i;

	fputs("<section id=\"struggle\">\n<h2>Struggle points</h2>\n", f);
	if (rep->nstruggle == 0) {
		fputs("<p>None yet: no lesson stands out.</p>\n</section>\n",
		    f);
		return;
	}
	fputs("<p class=\"note\">The lessons that cost learners the most, "
	    "hardest first.</p>\n<ol class=\"struggle\">\n", f);
	for (i = 0; i < rep->nstruggle; i++) {
		if (rep->struggle[i] >= rep->nlessons)
			continue;
		rl = &rep->lessons[rep->struggle[i]];
		fputs("<li><b>", f);
		html_esc(f, html_title(rl));
		fputs("</b> <span class=\"login\">", f);
		html_ref(f, rl);
		fprintf(f, "</span>: %.0f%% of %u passed", rl->pass_rate * 100,
		    rl->started);
		if (rl->passed != 0) {
			fprintf(f, ", a median of %.1f attempts",
			    rl->median_attempts);
		}
		if (rl->ntop != 0) {
			fputs("; mostly ", f);
			html_top(f, rl->top, rl->ntop, HTML_TOP_MAX);
		}
		fputs(".</li>\n", f);
	}
	fputs("</ol>\n</section>\n", f);
}

/* Write the inactive learners: nothing for the report's inactive days. */
static void
html_inactive(FILE *f, const struct report *rep)
{
	const struct report_learner *rl;
	char		 buf[32];
	size_t		 i, n = 0;

	for (i = 0; i < rep->nlearners; i++) {
		if (rep->learners[i].inactive)
			n++;
	}
	fprintf(f, "<section id=\"inactive\">\n<h2>Inactive learners</h2>\n"
	    "<p class=\"note\">No event in the last %u days.</p>\n",
	    rep->inactive_days);
	if (n == 0) {
		fputs("<p>None.</p>\n</section>\n", f);
		return;
	}
	fputs("<div class=\"table-wrap\"><table>\n<thead><tr><th>Learner</th>"
	    "<th>Last active</th><th class=\"n\">Passed</th></tr></thead>\n"
	    "<tbody>\n", f);
	for (i = 0; i < rep->nlearners; i++) {
		rl = &rep->learners[i];
		if (!rl->inactive)
			continue;
		fputs("<tr>", f);
		html_learner_cell(f, rl);
		fprintf(f, "<td>%s</td><td class=\"n\">%u of %zu</td></tr>\n",
		    rl->last_ms == 0 ? "never" : html_time(buf, sizeof buf,
		    rl->last_ms, HTML_DATE), rl->passed, rep->nlessons);
	}
	fputs("</tbody></table></div>\n</section>\n", f);
}

/* Write the warnings and the end of the document. */
static void
html_footer(FILE *f, const struct report *rep)
{
	size_t	 i;

	fputs("<section id=\"warnings\">\n<h2>Warnings</h2>\n", f);
	if (rep->nwarnings == 0)
		fputs("<p>None: every log was read in full.</p>\n", f);
	else {
		fputs("<p class=\"note\">Input that was skipped or flagged; "
		    "the rest of the report stands.</p>\n"
		    "<ol class=\"warnings\">\n", f);
		for (i = 0; i < rep->nwarnings; i++) {
			fputs("<li>", f);
			html_esc(f, rep->warnings[i]);
			fputs("</li>\n", f);
		}
		fputs("</ol>\n", f);
	}
	fputs("</section>\n</main>\n</body>\n</html>\n", f);
}

/* Write the report as one self-contained HTML file. */
static void
report_html_write(const struct report *rep, const struct report_opts *opts,
    FILE *f)
{
	(void)opts;

	html_header(f, rep);
	html_summary(f, rep);
	html_funnel(f, rep);
	html_pass_rate(f, rep);
	html_heatmap(f, rep);
	html_profile(f, rep);
	html_activity(f, rep);
	html_learners(f, rep);
	html_lessons(f, rep);
	html_struggle(f, rep);
	html_inactive(f, rep);
	html_footer(f, rep);
}

const struct report_format report_html = {
	.name = "html",
	.write = report_html_write,
};
