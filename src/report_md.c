/* report_md: the report as Markdown, every line at most 80 columns. */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fatal.h"
#include "report.h"
#include "xmalloc.h"

#define WIDTH		80
#define NAME_W		14	/* a learner's cell */
#define LESSON_W	24	/* a lesson's cell */
#define CAT_W		15	/* a category's cell */

/*
 * Write s in at most width columns, escaping what Markdown would read (an
 * escape takes two columns); what does not fit is cut and ends with "~".
 */
static void
text(FILE *f, const char *s, size_t width)
{
	const char	*p, *next;
	size_t		 cols = 0, w;

	if (s == NULL)
		s = "";
	for (p = s; *p != '\0'; p = next) {
		next = p + 1;
		while (((unsigned char)*next & 0xc0) == 0x80)
			next++;
		w = strchr("|\\*_`<>[]#", *p) != NULL ? 2 : 1;
		/* Keep a column for the mark unless this is the end. */
		if (cols + w > width || (cols + w == width &&
		    *next != '\0')) {
			fputc('~', f);
			break;
		}
		if (w == 2)
			fputc('\\', f);
		fwrite(p, 1, (size_t)(next - p), f);
		cols += w;
	}
}

/* Write s as a table cell of at most width columns. */
static void
cell(FILE *f, const char *s, size_t width)
{
	fputs("| ", f);
	text(f, s, width);
	fputc(' ', f);
}

/* Write a number as a table cell. */
static void
cell_uint(FILE *f, uint64_t n)
{
	fprintf(f, "| %llu ", (unsigned long long)n);
}

/* End a table row. */
static void
row_end(FILE *f)
{
	fputs("|\n", f);
}

/* Write "track/lesson" of lesson l into buf. */
static const char *
lesson_name(char *buf, size_t size, const struct report_lesson *l)
{
	snprintf(buf, size, "%s/%s", l->track->id, l->lesson->id);
	return (buf);
}

/* The title and what the report covers. */
static void
write_head(FILE *f, const struct report *r)
{
	char	day[32], *s;

	fprintf(f, "# Cohort report\n\n");
	s = xasprintf("%zu learner%s, %zu lesson%s, %llu event%s (%llu "
	    "duplicate%s dropped). As of %s UTC; inactive means no event "
	    "for %u days.", r->nlearners, r->nlearners == 1 ? "" : "s",
	    r->nlessons, r->nlessons == 1 ? "" : "s",
	    (unsigned long long)r->events, r->events == 1 ? "" : "s",
	    (unsigned long long)r->duplicates, r->duplicates == 1 ? "" : "s",
	    report_day(day, sizeof day, r->now_ms), r->inactive_days);
	report_wrap(f, "", "", s, WIDTH);
	free(s);
}

/* The learners' figures, profiles and kinds of mistake. */
static void
write_learners(FILE *f, const struct report *r)
{
	const struct report_learner	*l;
	char				 buf[64];
	size_t				 i;
	int				 a, k;

	fprintf(f, "\n## Learners\n\n");
	fprintf(f, "| learner | passed | checks | hints | sol | time | "
	    "reached |\n|---|--:|--:|--:|--:|--:|--:|\n");
	for (i = 0; i < r->nlearners; i++) {
		l = &r->learners[i];
		snprintf(buf, sizeof buf, "%s%s", l->flag != NULL ? "!" : "",
		    report_learner_name(l));
		cell(f, buf, NAME_W);
		snprintf(buf, sizeof buf, "%u/%zu", l->passed, r->nlessons);
		cell(f, buf, 9);
		cell_uint(f, l->attempts);
		cell_uint(f, l->hints);
		cell_uint(f, l->solutions);
		cell(f, report_duration(buf, sizeof buf, l->time_ms), 8);
		cell_uint(f, l->reached);
		row_end(f);
	}
	for (i = 0; i < r->nlearners; i++) {
		if (r->learners[i].flag != NULL) {
			fprintf(f, "\n! flagged: see the warnings.\n");
			break;
		}
	}

	fprintf(f, "\n### Migration profile\n\nLessons passed of those on "
	    "each axis, and failed checks on them.\n\n");
	fprintf(f, "| learner | errors | collections | concurrency | top "
	    "failure |\n|---|---|---|---|---|\n");
	for (i = 0; i < r->nlearners; i++) {
		l = &r->learners[i];
		cell(f, report_learner_name(l), NAME_W);
		for (a = 0; a < REPORT_AXIS__COUNT; a++) {
			snprintf(buf, sizeof buf, "%u/%u (%u)",
			    l->profile[a].passed, l->profile[a].total,
			    l->profile[a].failed);
			cell(f, buf, 11);
		}
		cell(f, l->ntop > 0 ? category_names[l->top[0].category] :
		    "-", CAT_W);
		row_end(f);
	}

	fprintf(f, "\n### Mistakes by kind\n\nFailed checks by category: "
	    "syntax and types (compile-error); toolchain\n(vet, "
	    "ignored-error, idiom-trap); concurrency (goroutine-leak, "
	    "deadlock,\ndata-race, too-slow); runtime (the rest).\n\n");
	fprintf(f, "| learner ");
	for (k = 0; k < REPORT_KIND__COUNT; k++)
		fprintf(f, "| %s ", report_kind_names[k]);
	fprintf(f, "|\n|---|--:|--:|--:|--:|\n");
	for (i = 0; i < r->nlearners; i++) {
		l = &r->learners[i];
		cell(f, report_learner_name(l), NAME_W);
		for (k = 0; k < REPORT_KIND__COUNT; k++)
			cell_uint(f, l->kinds[k]);
		row_end(f);
	}
}

/* The lessons' figures, their failures and the struggle points. */
static void
write_lessons(FILE *f, const struct report *r)
{
	const struct report_lesson	*l;
	char				 buf[256], name[256], *s;
	size_t				 i, k;

	fprintf(f, "\n## Lessons\n\nChecks and time are the medians of "
	    "those who passed.\n\n");
	fprintf(f, "| # | lesson | started | passed | rate | checks | time "
	    "|\n|--:|---|--:|--:|--:|--:|--:|\n");
	for (i = 0; i < r->nlessons; i++) {
		l = &r->lessons[i];
		cell_uint(f, i + 1);
		cell(f, lesson_name(buf, sizeof buf, l), LESSON_W);
		cell_uint(f, l->started);
		cell_uint(f, l->passed);
		fprintf(f, "| %.0f%% | %.1f ", l->pass_rate * 100,
		    l->median_attempts);
		cell(f, report_duration(buf, sizeof buf,
		    (uint64_t)l->median_time_ms), 8);
		row_end(f);
	}

	fprintf(f, "\n### Top failures\n\n| # | categories (failed checks) "
	    "|\n|--:|---|\n");
	for (i = 0; i < r->nlessons; i++) {
		l = &r->lessons[i];
		buf[0] = '\0';
		for (k = 0; k < l->ntop && k < 3; k++) {
			snprintf(name, sizeof name, "%s%s %u", k == 0 ? "" :
			    ", ", category_names[l->top[k].category],
			    l->top[k].n);
			strncat(buf, name, sizeof buf - strlen(buf) - 1);
		}
		cell_uint(f, i + 1);
		cell(f, k == 0 ? "-" : buf, 66);
		row_end(f);
	}

	fprintf(f, "\n### Struggle points\n\nScore: 10 x (started - passed) "
	    "/ (started + 1) + checks per learner.\n\n");
	if (r->nstruggle == 0)
		fprintf(f, "None: nobody started a lesson.\n");
	for (i = 0; i < r->nstruggle; i++) {
		l = &r->lessons[r->struggle[i]];
		s = xasprintf("`%s`: score %.2f; %u of %u passed, %.1f checks "
		    "per learner%s%s", lesson_name(name, sizeof name, l),
		    l->struggle, l->passed, l->started, l->started > 0 ?
		    (double)l->attempts / l->started : 0.0,
		    l->ntop > 0 ? "; mostly " : "", l->ntop > 0 ?
		    category_names[l->top[0].category] : "");
		snprintf(name, sizeof name, "%zu. ", i + 1);
		report_wrap(f, name, "   ", s, WIDTH);
		free(s);
	}
}

/* The funnel, the activity by day and the inactive learners. */
static void
write_cohort(FILE *f, const struct report *r)
{
	const struct report_day	*d;
	FILE			*m;
	char			 day[32], *list = NULL;
	size_t			 i, n = 0, len;

	fprintf(f, "\n## Cohort\n\n### Funnel\n\n| lessons passed in a row "
	    "| learners |\n|--:|--:|\n");
	for (i = 0; i <= r->nlessons; i++)
		fprintf(f, "| %zu | %zu |\n", i, r->funnel[i]);
	fprintf(f, "\n### Activity (UTC days)\n\n| day | events | learners "
	    "| passes |\n|---|--:|--:|--:|\n");
	for (i = 0; i < r->ndays; i++) {
		d = &r->days[i];
		fprintf(f, "| %s | %u | %u | %u |\n", report_day(day,
		    sizeof day, d->day_ms), d->events, d->learners, d->passes);
	}
	if ((m = open_memstream(&list, &len)) == NULL)
		fatal("open_memstream: %s", strerror(errno));
	for (i = 0; i < r->nlearners; i++) {
		if (r->learners[i].inactive)
			fprintf(m, "%s%s", n++ == 0 ? "" : ", ",
			    r->learners[i].login);
	}
	fclose(m);
	fprintf(f, "\n### Inactive for %u days: %zu\n\n", r->inactive_days,
	    n);
	if (n > 0) {
		fprintf(f, "```\n");
		report_wrap(f, "", "", list, WIDTH);
		fprintf(f, "```\n");
	}
	free(list);
}

/* Per learner, a table of the lessons they touched. */
static void
write_detail(FILE *f, const struct report *r)
{
	const struct report_learner	*l;
	const struct report_cell	*c;
	char				 buf[256];
	size_t				 i, k;

	fprintf(f, "\n## Learner detail\n\nTime runs from the first event "
	    "to the pass; idle gaps over 15 minutes\nare left out.\n");
	for (i = 0; i < r->nlearners; i++) {
		l = &r->learners[i];
		fprintf(f, "\n### ");
		text(f, l->login, 40);
		fputc('\n', f);
		if (l->name != NULL || l->email != NULL || l->flag != NULL ||
		    l->inactive) {
			fputc('\n', f);
			if (l->name != NULL) {
				fprintf(f, "Name ");
				text(f, l->name, 60);
				fputc('\n', f);
			}
			if (l->email != NULL) {
				fprintf(f, "Email ");
				text(f, l->email, 60);
				fputc('\n', f);
			}
			if (l->flag != NULL) {
				fprintf(f, "Flagged ");
				text(f, l->flag, 60);
				fputc('\n', f);
			}
			if (l->inactive)
				fprintf(f, "Inactive\n");
		}
		fprintf(f, "\n| lesson | status | checks | hints | sol | time "
		    "|\n|---|---|--:|--:|---|--:|\n");
		for (k = 0; k < r->nlessons; k++) {
			c = &l->cells[k];
			if (c->events == 0)
				continue;
			cell(f, lesson_name(buf, sizeof buf, &r->lessons[k]),
			    LESSON_W);
			cell(f, progress_status_names[c->status], 9);
			cell_uint(f, c->attempts);
			cell_uint(f, c->hints);
			cell(f, c->solution ? "yes" : "no", 3);
			cell(f, report_duration(buf, sizeof buf, c->time_ms),
			    8);
			row_end(f);
		}
	}
}

/* The warnings, in a block of wrapped lines. */
static void
write_warnings(FILE *f, const struct report *r)
{
	size_t	i;

	if (r->nwarnings == 0)
		return;
	fprintf(f, "\n## Warnings: %zu\n\n```\n", r->nwarnings);
	for (i = 0; i < r->nwarnings; i++)
		report_wrap(f, "", "    ", r->warnings[i], WIDTH);
	fprintf(f, "```\n");
}

/* Write the whole report as Markdown. */
static void
md_write(const struct report *r, const struct report_opts *opts, FILE *f)
{
	(void)opts;
	write_head(f, r);
	write_learners(f, r);
	write_lessons(f, r);
	write_cohort(f, r);
	write_detail(f, r);
	write_warnings(f, r);
}

const struct report_format report_md = {
	.name = "md",
	.write = md_write,
};
