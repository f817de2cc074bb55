/* report_json: the report as one JSON object, everything in it, for
 * scripts (share/report-format.md lists the fields). */

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "json.h"
#include "report.h"
#include "xmalloc.h"

#define JSON_REPORT_VERSION	1

/*
 * Write a number with a fraction. json.h has none, so this puts the comma
 * and the indent as json.c does before any value, from its public state.
 */
static void
json_real(struct json *j, double v)
{
	if (j->after_key)
		j->after_key = 0;
	else {
		if (!j->first[j->depth])
			fputc(',', j->f);
		j->first[j->depth] = 0;
		if (j->depth > 0 && !j->compact)
			fprintf(j->f, "\n%*s", j->depth * 2, "");
	}
	if (v == (double)(long long)v)
		fprintf(j->f, "%lld", (long long)v);
	else
		fprintf(j->f, "%.15g", v);
}

/* Write a key and an unsigned value. */
static void
kv_uint(struct json *j, const char *k, uint64_t v)
{
	json_key(j, k);
	json_uint(j, v);
}

/* Write a key and a time in ms, or null for 0 (none). */
static void
kv_ms(struct json *j, const char *k, uint64_t v, int have)
{
	json_key(j, k);
	if (have)
		json_uint(j, v);
	else
		json_null(j);
}

/* Write a category count list as an object, most first. */
static void
write_top(struct json *j, const struct report_count *top, size_t n)
{
	size_t	i;

	json_object(j);
	for (i = 0; i < n; i++)
		kv_uint(j, category_names[top[i].category], top[i].n);
	json_end(j, '}');
}

/* Write the categories that are not zero, in category order. */
static void
write_fails(struct json *j, const unsigned *fails)
{
	int	i;

	json_object(j);
	for (i = 0; i < CAT__COUNT; i++) {
		if (fails[i] != 0)
			kv_uint(j, category_names[i], fails[i]);
	}
	json_end(j, '}');
}

/* Write a lesson's figures. */
static void
write_lesson(struct json *j, const struct report_lesson *l, size_t index)
{
	int	a;

	json_object(j);
	kv_uint(j, "index", index);
	json_key(j, "track");
	json_string(j, l->track->id);
	json_key(j, "lesson");
	json_string(j, l->lesson->id);
	json_key(j, "title");
	json_string(j, l->lesson->title);
	json_key(j, "axes");
	json_array(j);
	for (a = 0; a < REPORT_AXIS__COUNT; a++) {
		if (l->axes & (1u << a))
			json_string(j, report_axis_names[a]);
	}
	json_end(j, ']');
	kv_uint(j, "started", l->started);
	kv_uint(j, "passed", l->passed);
	json_key(j, "pass_rate");
	json_real(j, l->pass_rate);
	json_key(j, "median_attempts");
	json_real(j, l->median_attempts);
	json_key(j, "median_time_ms");
	json_real(j, l->median_time_ms);
	kv_uint(j, "attempts", l->attempts);
	kv_uint(j, "hints", l->hints);
	kv_uint(j, "solutions", l->solutions);
	json_key(j, "fails");
	write_top(j, l->top, l->ntop);
	json_key(j, "struggle");
	json_real(j, l->struggle);
	json_end(j, '}');
}

/* Write one learner's cell on lesson l, on one line: there are many. */
static void
write_cell(struct json *j, const struct report_cell *c,
    const struct report_lesson *l)
{
	int	passed = c->status == PROGRESS_PASSED, compact = j->compact;

	json_object(j);
	j->compact = 1;
	json_key(j, "track");
	json_string(j, l->track->id);
	json_key(j, "lesson");
	json_string(j, l->lesson->id);
	json_key(j, "status");
	json_string(j, progress_status_names[c->status]);
	kv_uint(j, "events", c->events);
	kv_uint(j, "attempts", c->attempts);
	kv_uint(j, "failed", c->failed);
	kv_uint(j, "hints", c->hints);
	json_key(j, "solution");
	json_bool(j, c->solution);
	kv_uint(j, "first_ms", c->first_ms);
	kv_uint(j, "last_ms", c->last_ms);
	kv_ms(j, "passed_ms", c->passed_ms, passed);
	json_key(j, "pass_attempts");
	if (passed)
		json_uint(j, c->pass_attempts);
	else
		json_null(j);
	kv_uint(j, "time_ms", c->time_ms);
	json_key(j, "fails");
	write_fails(j, c->fails);
	json_end(j, '}');
	j->compact = compact;
}

/* Write a learner's figures, and their cells on the lessons they
 * touched. */
static void
write_learner(struct json *j, const struct report *r,
    const struct report_learner *l)
{
	size_t	i;
	int	a;

	json_object(j);
	json_key(j, "login");
	json_string(j, l->login);
	json_key(j, "name");
	json_string(j, l->name);
	json_key(j, "email");
	json_string(j, l->email);
	json_key(j, "flag");
	json_string(j, l->flag);
	json_key(j, "sources");
	json_array(j);
	for (i = 0; i < l->nsources; i++)
		json_string(j, l->sources[i]);
	json_end(j, ']');
	kv_uint(j, "passed", l->passed);
	kv_uint(j, "lessons", r->nlessons);
	kv_uint(j, "attempts", l->attempts);
	kv_uint(j, "hints", l->hints);
	kv_uint(j, "solutions", l->solutions);
	kv_uint(j, "events", l->events);
	kv_ms(j, "first_ms", l->first_ms, l->events > 0);
	kv_ms(j, "last_ms", l->last_ms, l->events > 0);
	kv_uint(j, "time_ms", l->time_ms);
	json_key(j, "inactive");
	json_bool(j, l->inactive);
	kv_uint(j, "reached", l->reached);
	json_key(j, "fails");
	write_top(j, l->top, l->ntop);
	json_key(j, "profile");
	json_object(j);
	for (a = 0; a < REPORT_AXIS__COUNT; a++) {
		json_key(j, report_axis_names[a]);
		json_object(j);
		kv_uint(j, "total", l->profile[a].total);
		kv_uint(j, "passed", l->profile[a].passed);
		kv_uint(j, "attempts", l->profile[a].attempts);
		kv_uint(j, "failed", l->profile[a].failed);
		json_end(j, '}');
	}
	json_end(j, '}');
	json_key(j, "kinds");
	json_object(j);
	for (a = 0; a < REPORT_KIND__COUNT; a++)
		kv_uint(j, report_kind_names[a], l->kinds[a]);
	json_end(j, '}');
	json_key(j, "cells");
	json_array(j);
	for (i = 0; i < r->nlessons; i++) {
		if (l->cells[i].events > 0)
			write_cell(j, &l->cells[i], &r->lessons[i]);
	}
	json_end(j, ']');
	json_end(j, '}');
}

/* Write the whole report as JSON. */
static void
json_write(const struct report *r, const struct report_opts *opts, FILE *f)
{
	struct json	j;
	char		day[32];
	size_t		i;

	(void)opts;
	json_init(&j, f);
	json_object(&j);
	kv_uint(&j, "version", JSON_REPORT_VERSION);
	kv_uint(&j, "now_ms", r->now_ms);
	kv_uint(&j, "inactive_days", r->inactive_days);
	kv_uint(&j, "events", r->events);
	kv_uint(&j, "duplicates", r->duplicates);
	json_key(&j, "warnings");
	json_array(&j);
	for (i = 0; i < r->nwarnings; i++)
		json_string(&j, r->warnings[i]);
	json_end(&j, ']');
	json_key(&j, "lessons");
	json_array(&j);
	for (i = 0; i < r->nlessons; i++)
		write_lesson(&j, &r->lessons[i], i);
	json_end(&j, ']');
	json_key(&j, "struggle");
	json_array(&j);
	for (i = 0; i < r->nstruggle; i++)
		json_uint(&j, r->struggle[i]);
	json_end(&j, ']');
	json_key(&j, "funnel");
	json_array(&j);
	for (i = 0; i <= r->nlessons; i++)
		json_uint(&j, r->funnel[i]);
	json_end(&j, ']');
	json_key(&j, "days");
	json_array(&j);
	for (i = 0; i < r->ndays; i++) {
		json_object(&j);
		json_key(&j, "day");
		json_string(&j, report_day(day, sizeof day,
		    r->days[i].day_ms));
		kv_uint(&j, "day_ms", r->days[i].day_ms);
		kv_uint(&j, "events", r->days[i].events);
		kv_uint(&j, "learners", r->days[i].learners);
		kv_uint(&j, "passes", r->days[i].passes);
		json_end(&j, '}');
	}
	json_end(&j, ']');
	json_key(&j, "fails");
	write_fails(&j, r->fails);
	json_key(&j, "inactive");
	json_array(&j);
	for (i = 0; i < r->nlearners; i++) {
		if (r->learners[i].inactive)
			json_string(&j, r->learners[i].login);
	}
	json_end(&j, ']');
	json_key(&j, "learners");
	json_array(&j);
	for (i = 0; i < r->nlearners; i++)
		write_learner(&j, r, &r->learners[i]);
	json_end(&j, ']');
	json_end(&j, '}');
}

const struct report_format report_json = {
	.name = "json",
	.write = json_write,
};
