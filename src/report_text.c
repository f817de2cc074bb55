/* report_text: the report as plain text for an 80-column terminal. */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fatal.h"
#include "report.h"
#include "xmalloc.h"

#define WIDTH		80
#define NAME_W		20	/* a learner's column */
#define LESSON_W	24	/* a lesson's column */
#define BAR_W		40	/* the longest bar */

/* Write "track/lesson" of lesson l into buf. */
static const char *
lesson_name(char *buf, size_t size, const struct report_lesson *l)
{
	snprintf(buf, size, "%s/%s", l->track->id, l->lesson->id);
	return (buf);
}

/* Write a bar of n of max in BAR_W columns. */
static void
bar(FILE *f, uint64_t n, uint64_t max)
{
	uint64_t	w = max == 0 ? 0 : (n * BAR_W + max - 1) / max;

	for (; w > 0; w--)
		fputc('#', f);
}

/* The header: what the report covers. */
static void
write_head(FILE *f, const struct report *r)
{
	char	day[32], line[256];

	snprintf(line, sizeof line, "Cohort report: %zu learner%s, %zu "
	    "lesson%s, %llu event%s (%llu duplicate%s dropped)",
	    r->nlearners, r->nlearners == 1 ? "" : "s", r->nlessons,
	    r->nlessons == 1 ? "" : "s", (unsigned long long)r->events,
	    r->events == 1 ? "" : "s", (unsigned long long)r->duplicates,
	    r->duplicates == 1 ? "" : "s");
	report_wrap(f, "", "  ", line, WIDTH);
	fprintf(f, "As of %s UTC; inactive: no event for %u days\n",
	    report_day(day, sizeof day, r->now_ms), r->inactive_days);
}

/* One line per learner: passed, checks, hints, solutions, time. */
static void
write_learners(FILE *f, const struct report *r)
{
	const struct report_learner	*l;
	char				 buf[64];
	size_t				 i;

	fprintf(f, "\nLEARNERS\n");
	report_put(f, "learner", NAME_W, 0);
	fprintf(f, "  passed checks hints sol    time reached top failure\n");
	for (i = 0; i < r->nlearners; i++) {
		l = &r->learners[i];
		snprintf(buf, sizeof buf, "%s%s", l->flag != NULL ? "!" : "",
		    report_learner_name(l));
		report_put(f, buf, NAME_W, 0);
		snprintf(buf, sizeof buf, "%u/%zu", l->passed, r->nlessons);
		fputc(' ', f);
		report_put(f, buf, 7, 1);
		fprintf(f, " %6u %5u %3u ", l->attempts, l->hints,
		    l->solutions);
		report_put(f, report_duration(buf, sizeof buf, l->time_ms), 7,
		    1);
		fprintf(f, " %7zu ", l->reached);
		report_put(f, l->ntop > 0 ?
		    category_names[l->top[0].category] : "-", 17, -1);
		fputc('\n', f);
	}
	for (i = 0; i < r->nlearners; i++) {
		if (r->learners[i].flag != NULL) {
			fprintf(f, "! flagged: see the warnings\n");
			break;
		}
	}
}

/* One line per learner: the migration profile and the kinds of mistake. */
static void
write_profiles(FILE *f, const struct report *r)
{
	const struct report_learner	*l;
	char				 buf[64];
	size_t				 i;
	int				 a, k;

	fprintf(f, "\nMIGRATION PROFILE (passed/lessons, failed checks) "
	    "AND MISTAKES BY KIND\n");
	report_put(f, "learner", NAME_W, 0);
	for (a = 0; a < REPORT_AXIS__COUNT; a++) {
		fputc(' ', f);
		report_put(f, report_axis_names[a], 11, 0);
	}
	fprintf(f, " syntax tool conc  run\n");
	for (i = 0; i < r->nlearners; i++) {
		l = &r->learners[i];
		report_put(f, report_learner_name(l), NAME_W, 0);
		for (a = 0; a < REPORT_AXIS__COUNT; a++) {
			snprintf(buf, sizeof buf, "%u/%u (%u)",
			    l->profile[a].passed, l->profile[a].total,
			    l->profile[a].failed);
			fputc(' ', f);
			report_put(f, buf, 11, 0);
		}
		for (k = 0; k < REPORT_KIND__COUNT; k++)
			fprintf(f, k == 0 ? " %6u" : " %4u", l->kinds[k]);
		fputc('\n', f);
	}
}

/* Per learner, one line per lesson they touched. */
static void
write_detail(FILE *f, const struct report *r)
{
	const struct report_learner	*l;
	const struct report_cell	*c;
	char				 buf[256], t[32];
	size_t				 i, k;

	fprintf(f, "\nLEARNER DETAIL (time: first event to pass, idle "
	    "gaps over 15 min left out;\nthen the category of the last failed "
	    "check)\n");
	for (i = 0; i < r->nlearners; i++) {
		l = &r->learners[i];
		snprintf(buf, sizeof buf, "%s%s%s%s%s", l->login,
		    l->name != NULL ? " (" : "", l->name != NULL ? l->name : "",
		    l->name != NULL ? ")" : "", l->inactive ? ", inactive" :
		    "");
		report_wrap(f, "", "  ", buf, WIDTH);
		if (l->flag != NULL) {
			snprintf(buf, sizeof buf, "flagged: %s", l->flag);
			report_wrap(f, "  ", "    ", buf, WIDTH);
		}
		for (k = 0; k < r->nlessons; k++) {
			c = &l->cells[k];
			if (c->events == 0)
				continue;
			fputs("  ", f);
			report_put(f, lesson_name(buf, sizeof buf,
			    &r->lessons[k]), LESSON_W - 2, 0);
			fprintf(f, " %-9s %3u check%s %2u hint%s %s ",
			    progress_status_names[c->status], c->attempts,
			    c->attempts == 1 ? " " : "s", c->hints,
			    c->hints == 1 ? " " : "s",
			    c->solution ? "sol" : "   ");
			report_put(f, report_duration(t, sizeof t, c->time_ms),
			    7, 1);
			if (c->failed > 0) {
				fputc(' ', f);
				report_put(f, category_names[c->last_category],
				    15, -1);
			}
			fputc('\n', f);
		}
	}
}

/* One line per lesson. */
static void
write_lessons(FILE *f, const struct report *r)
{
	const struct report_lesson	*l;
	char				 buf[256];
	size_t				 i;

	fprintf(f, "\nLESSONS (checks and time: medians of those who "
	    "passed)\n");
	fprintf(f, "  # ");
	report_put(f, "lesson", LESSON_W, 0);
	fprintf(f, " started passed  rate checks     time top failure\n");
	for (i = 0; i < r->nlessons; i++) {
		l = &r->lessons[i];
		fprintf(f, "%3zu ", i + 1);
		report_put(f, lesson_name(buf, sizeof buf, l), LESSON_W, 0);
		fprintf(f, " %7u %6u %4.0f%% %6.1f ", l->started, l->passed,
		    l->pass_rate * 100, l->median_attempts);
		report_put(f, report_duration(buf, sizeof buf,
		    (uint64_t)l->median_time_ms), 8, 1);
		fputc(' ', f);
		report_put(f, l->ntop > 0 ?
		    category_names[l->top[0].category] : "-", 13, -1);
		fputc('\n', f);
	}
}

/* The struggle points, hardest first. */
static void
write_struggle(FILE *f, const struct report *r)
{
	const struct report_lesson	*l;
	char				 name[256], buf[512];
	size_t				 i;

	fprintf(f, "\nSTRUGGLE POINTS (score: 10 x not passed / (started "
	    "+ 1) + checks per learner)\n");
	if (r->nstruggle == 0)
		fprintf(f, "none: nobody started a lesson\n");
	for (i = 0; i < r->nstruggle; i++) {
		l = &r->lessons[r->struggle[i]];
		snprintf(buf, sizeof buf, "%s: score %.2f; %u of %u passed, "
		    "%.1f checks per learner%s%s", lesson_name(name,
		    sizeof name, l), l->struggle, l->passed, l->started,
		    l->started > 0 ? (double)l->attempts / l->started : 0.0,
		    l->ntop > 0 ? "; mostly " : "", l->ntop > 0 ?
		    category_names[l->top[0].category] : "");
		snprintf(name, sizeof name, "%2zu. ", i + 1);
		report_wrap(f, name, "    ", buf, WIDTH);
	}
}

/* The funnel and the activity by day. */
static void
write_cohort(FILE *f, const struct report *r)
{
	const struct report_day	*d;
	char			 day[32];
	size_t			 i;
	unsigned		 max = 0;

	fprintf(f, "\nFUNNEL (learners who passed the first k lessons in a "
	    "row)\n");
	for (i = 0; i <= r->nlessons; i++) {
		fprintf(f, "%3zu %6zu ", i, r->funnel[i]);
		bar(f, r->funnel[i], r->funnel[0]);
		fputc('\n', f);
	}
	fprintf(f, "\nACTIVITY (UTC days)\n");
	fprintf(f, "day         events learners passes\n");
	for (i = 0; i < r->ndays; i++) {
		if (r->days[i].events > max)
			max = r->days[i].events;
	}
	for (i = 0; i < r->ndays; i++) {
		d = &r->days[i];
		fprintf(f, "%-10s %7u %8u %6u ", report_day(day, sizeof day,
		    d->day_ms), d->events, d->learners, d->passes);
		bar(f, d->events, max);
		fputc('\n', f);
	}
}

/* The inactive learners, then the warnings. */
static void
write_tail(FILE *f, const struct report *r)
{
	FILE	*m;
	char	*list = NULL;
	size_t	 i, n = 0, len;

	if ((m = open_memstream(&list, &len)) == NULL)
		fatal("open_memstream: %s", strerror(errno));
	for (i = 0; i < r->nlearners; i++) {
		if (r->learners[i].inactive)
			fprintf(m, "%s%s", n++ == 0 ? "" : ", ",
			    r->learners[i].login);
	}
	fclose(m);
	fprintf(f, "\nINACTIVE (no event for %u days): %zu\n",
	    r->inactive_days, n);
	if (n > 0)
		report_wrap(f, "", "", list, WIDTH);
	free(list);
	if (r->nwarnings == 0)
		return;
	fprintf(f, "\nWARNINGS: %zu\n", r->nwarnings);
	for (i = 0; i < r->nwarnings; i++)
		report_wrap(f, "", "    ", r->warnings[i], WIDTH);
}

/* Write the whole report as text. */
static void
text_write(const struct report *r, const struct report_opts *opts, FILE *f)
{
	(void)opts;
	write_head(f, r);
	write_learners(f, r);
	write_profiles(f, r);
	write_lessons(f, r);
	write_struggle(f, r);
	write_cohort(f, r);
	write_detail(f, r);
	write_tail(f, r);
}

const struct report_format report_text = {
	.name = "text",
	.write = text_write,
};
