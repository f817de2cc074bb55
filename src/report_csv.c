/*
 * report_csv: the CSV format. RFC 4180 (CRLF line ends; a field holding a
 * comma, a double quote, CR or LF is quoted, with its double quotes
 * doubled) in UTF-8, one row per learner, in one of three layouts:
 * gotutor's own, Moodle's "Import grades from CSV" and Canvas's gradebook
 * import. Text that a spreadsheet would read as a formula (it starts with
 * = + - @, a tab or CR) gets a leading apostrophe. The LMS layouts leave
 * out flagged learners: a log whose owner did not match is not graded.
 * share/report-format.md gives the layouts and the import steps.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "report.h"
#include "xmalloc.h"

/* Canvas writes this, indent and all, in its own exports' second row. */
#define CSV_CANVAS_POINTS	"    Points Possible"

/* One row being written: where, and whether a field came before. */
struct csv_row {
	FILE	*f;
	int	 n;
};

/* A run of report lessons that share a track: one per-track column. */
struct csv_col {
	size_t	 first;
	size_t	 n;
};

/* Start a row on f. */
static void
csv_begin(struct csv_row *r, FILE *f)
{
	r->f = f;
	r->n = 0;
}

/* End the row with CRLF. */
static void
csv_end(struct csv_row *r)
{
	fputs("\r\n", r->f);
}

/* Write the separator before a field when one came before. */
static void
csv_sep(struct csv_row *r)
{
	if (r->n++ != 0)
		fputc(',', r->f);
}

/* Write a text field: neutralised against formulas, quoted when needed.
 * NULL is an empty field. */
static void
csv_text(struct csv_row *r, const char *s)
{
	const char	*p;
	int		 quote;

	csv_sep(r);
	if (s == NULL || *s == '\0')
		return;
	quote = strpbrk(s, ",\"\r\n") != NULL;
	if (quote)
		fputc('"', r->f);
	if (strchr("=+-@\t\r", *s) != NULL)
		fputc('\'', r->f);
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			fputc('"', r->f);
		fputc(*p, r->f);
	}
	if (quote)
		fputc('"', r->f);
}

/* Write a field that is known to be safe as it is (our own numbers and
 * fixed words). */
static void
csv_raw(struct csv_row *r, const char *s)
{
	csv_sep(r);
	fputs(s, r->f);
}

/* Write an unsigned number. */
static void
csv_uint(struct csv_row *r, unsigned long long v)
{
	csv_sep(r);
	fprintf(r->f, "%llu", v);
}

/* Write a grade in 0..100: whole when it is, else with one decimal. */
static void
csv_grade(struct csv_row *r, double v)
{
	double	 tenths;

	csv_sep(r);
	tenths = (double)(long long)(v * 10 + 0.5);
	if ((long long)tenths % 10 == 0)
		fprintf(r->f, "%lld", (long long)tenths / 10);
	else
		fprintf(r->f, "%.1f", tenths / 10);
}

/* Write a UTC date, YYYY-MM-DD, or an empty field for 0. */
static void
csv_date(struct csv_row *r, uint64_t ms)
{
	struct tm	 tm;
	time_t		 t;
	char		 buf[32];

	csv_sep(r);
	if (ms == 0)
		return;
	t = (time_t)(ms / 1000);
	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(buf, sizeof buf, "%Y-%m-%d", &tm) == 0)
		return;
	fputs(buf, r->f);
}

/* The id of a report lesson's track, or "" when it has none. */
static const char *
csv_track_id(const struct report_lesson *rl)
{
	if (rl->track == NULL || rl->track->id == NULL)
		return ("");
	return (rl->track->id);
}

/* Write a lesson's column name, "track/lesson". */
static void
csv_lesson_name(struct csv_row *r, const struct report_lesson *rl)
{
	const char	*id;
	char		*s;

	id = rl->lesson != NULL && rl->lesson->id != NULL ?
	    rl->lesson->id : "";
	s = xasprintf("%s/%s", csv_track_id(rl), id);
	csv_text(r, s);
	free(s);
}

/* Group the report's lessons into runs of one track each; the caller frees
 * the array. */
static struct csv_col *
csv_tracks(const struct report *rep, size_t *ncols)
{
	struct csv_col	*cols;
	size_t		 i, n = 0;

	cols = xcalloc(rep->nlessons + 1, sizeof *cols);
	for (i = 0; i < rep->nlessons; i++) {
		if (n == 0 ||
		    rep->lessons[i].track != rep->lessons[cols[n - 1].first].track)
			cols[n++].first = i;
		cols[n - 1].n++;
	}
	*ncols = n;
	return (cols);
}

/* Write the grade columns' names: a lesson or a track each. */
static void
csv_grade_names(struct csv_row *r, const struct report *rep,
    const struct csv_col *cols, size_t ncols, int per_track)
{
	size_t	 i;

	if (per_track) {
		for (i = 0; i < ncols; i++)
			csv_text(r, csv_track_id(&rep->lessons[cols[i].first]));
		return;
	}
	for (i = 0; i < rep->nlessons; i++)
		csv_lesson_name(r, &rep->lessons[i]);
}

/* The percent of a track's lessons a learner passed. */
static double
csv_track_percent(const struct report_learner *rl, const struct csv_col *col)
{
	size_t	 i;
	unsigned passed = 0;

	if (col->n == 0)
		return (0);
	for (i = col->first; i < col->first + col->n; i++) {
		if (rl->cells[i].status == PROGRESS_PASSED)
			passed++;
	}
	return (100.0 * passed / col->n);
}

/* Write a learner's grades: 100 or 0 per lesson, or a percent per track. */
static void
csv_grades(struct csv_row *r, const struct report *rep,
    const struct report_learner *rl, const struct csv_col *cols, size_t ncols,
    int per_track)
{
	size_t	 i;

	if (per_track) {
		for (i = 0; i < ncols; i++)
			csv_grade(r, csv_track_percent(rl, &cols[i]));
		return;
	}
	for (i = 0; i < rep->nlessons; i++)
		csv_raw(r, rl->cells[i].status == PROGRESS_PASSED ? "100" : "0");
}

/* gotutor's own layout: every learner, their figures, then a status per
 * lesson or a percent per track. */
static void
csv_plain(FILE *f, const struct report *rep, const struct report_opts *opts,
    const struct csv_col *cols, size_t ncols)
{
	static const char *const head[] = { "login", "name", "email",
	    "passed", "total", "attempts", "hints", "solutions",
	    "time_minutes", "last_active", "flag" };
	const struct report_learner	*rl;
	struct csv_row			 r;
	size_t				 i, j;

	csv_begin(&r, f);
	for (i = 0; i < sizeof head / sizeof head[0]; i++)
		csv_raw(&r, head[i]);
	csv_grade_names(&r, rep, cols, ncols, opts->per_track);
	csv_end(&r);

	for (i = 0; i < rep->nlearners; i++) {
		rl = &rep->learners[i];
		csv_begin(&r, f);
		csv_text(&r, rl->login);
		csv_text(&r, rl->name);
		csv_text(&r, rl->email);
		csv_uint(&r, rl->passed);
		csv_uint(&r, rep->nlessons);
		csv_uint(&r, rl->attempts);
		csv_uint(&r, rl->hints);
		csv_uint(&r, rl->solutions);
		csv_uint(&r, (rl->time_ms + 30000) / 60000);
		csv_date(&r, rl->last_ms);
		csv_text(&r, rl->flag);
		if (opts->per_track) {
			for (j = 0; j < ncols; j++)
				csv_grade(&r, csv_track_percent(rl, &cols[j]));
		} else {
			for (j = 0; j < rep->nlessons; j++) {
				csv_raw(&r, progress_status_names[
				    rl->cells[j].status]);
			}
		}
		csv_end(&r);
	}
}

/* Moodle's layout: the user fields Moodle can map on, then a grade out of
 * 100 per lesson or per track. Flagged learners are left out. */
static void
csv_moodle(FILE *f, const struct report *rep, const struct report_opts *opts,
    const struct csv_col *cols, size_t ncols)
{
	const struct report_learner	*rl;
	struct csv_row			 r;
	size_t				 i;

	csv_begin(&r, f);
	csv_raw(&r, "Email address");
	csv_raw(&r, "Username");
	csv_raw(&r, "Full name");
	csv_grade_names(&r, rep, cols, ncols, opts->per_track);
	csv_end(&r);

	for (i = 0; i < rep->nlearners; i++) {
		rl = &rep->learners[i];
		if (rl->flag != NULL)
			continue;
		csv_begin(&r, f);
		csv_text(&r, rl->email);
		csv_text(&r, rl->login);
		csv_text(&r, report_learner_name(rl));
		csv_grades(&r, rep, rl, cols, ncols, opts->per_track);
		csv_end(&r);
	}
}

/* Canvas's layout: its five student columns, an assignment per lesson or
 * per track, and the points possible row. Flagged learners are left
 * out. */
static void
csv_canvas(FILE *f, const struct report *rep, const struct report_opts *opts,
    const struct csv_col *cols, size_t ncols)
{
	const struct report_learner	*rl;
	struct csv_row			 r;
	size_t				 i, n;

	csv_begin(&r, f);
	csv_raw(&r, "Student");
	csv_raw(&r, "ID");
	csv_raw(&r, "SIS User ID");
	csv_raw(&r, "SIS Login ID");
	csv_raw(&r, "Section");
	csv_grade_names(&r, rep, cols, ncols, opts->per_track);
	csv_end(&r);

	csv_begin(&r, f);
	csv_raw(&r, CSV_CANVAS_POINTS);
	for (i = 0; i < 4; i++)
		csv_raw(&r, "");
	n = opts->per_track ? ncols : rep->nlessons;
	for (i = 0; i < n; i++)
		csv_raw(&r, "100");
	csv_end(&r);

	for (i = 0; i < rep->nlearners; i++) {
		rl = &rep->learners[i];
		if (rl->flag != NULL)
			continue;
		csv_begin(&r, f);
		csv_text(&r, report_learner_name(rl));
		csv_raw(&r, "");
		csv_raw(&r, "");
		csv_text(&r, rl->login);
		csv_raw(&r, "");
		csv_grades(&r, rep, rl, cols, ncols, opts->per_track);
		csv_end(&r);
	}
}

/* Write the report as CSV in the layout opts->lms names. */
static void
report_csv_write(const struct report *rep, const struct report_opts *opts,
    FILE *f)
{
	struct csv_col	*cols;
	size_t		 ncols;

	cols = csv_tracks(rep, &ncols);
	switch (opts->lms) {
	case REPORT_LMS_MOODLE:
		csv_moodle(f, rep, opts, cols, ncols);
		break;
	case REPORT_LMS_CANVAS:
		csv_canvas(f, rep, opts, cols, ncols);
		break;
	case REPORT_LMS_NONE:
	default:
		csv_plain(f, rep, opts, cols, ncols);
		break;
	}
	free(cols);
}

const struct report_format report_csv = {
	.name = "csv",
	.write = report_csv_write,
};
