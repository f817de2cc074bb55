/*
 * show: print what a play or a check found. The JSON shape is described in
 * share/result-json.md; check adds its lesson and a hint.
 */

#include <stdio.h>
#include <string.h>

#include "json.h"
#include "show.h"

/* Write one jail result as the "run" or "build" object. */
static void
json_jail(struct json *j, const struct jail_result *r)
{
	json_object(j);
	json_key(j, "verdict");
	json_string(j, jail_verdict_name(r->verdict));
	json_key(j, "exit_code");
	json_int(j, r->exit_code);
	json_key(j, "signal");
	json_int(j, r->signal);
	json_key(j, "timeout");
	if (r->verdict == JAIL_TIMEOUT)
		json_string(j, r->timeout_cpu ? "cpu" : "wall");
	else
		json_null(j);
	json_key(j, "violation");
	json_string(j, r->violation);
	json_key(j, "internal_error");
	json_string(j, r->internal);
	json_key(j, "wall_ms");
	json_uint(j, r->wall_ms);
	json_key(j, "cpu_ms");
	json_uint(j, r->cpu_ms);
	json_key(j, "peak_kib");
	json_uint(j, r->peak_kib);
	json_key(j, "stdout");
	json_bytes(j, r->out, r->out_len);
	json_key(j, "stderr");
	json_bytes(j, r->err, r->err_len);
	json_key(j, "truncated");
	json_bool(j, r->truncated);
	json_key(j, "box_full");
	json_bool(j, r->box_full);
	json_end(j, '}');
}

/*
 * The whole outcome as one JSON object with the given status. lesson is
 * "TRACK/LESSON" for a check (NULL for play), with its next hint or NULL.
 */
void
show_json(FILE *f, const struct outcome *o, const char *status,
    const char *hint)
{
	const struct runner_result	*r = &o->run;
	const struct finding		*d;
	struct json			 j;
	size_t				 i;

	json_init(&j, f);
	json_object(&j);
	if (o->lesson != NULL) {
		json_key(&j, "track");
		json_string(&j, o->track->id);
		json_key(&j, "lesson");
		json_string(&j, o->lesson->id);
	}
	json_key(&j, "status");
	json_string(&j, status);
	json_key(&j, "isolation");
	json_string(&j, jail_tier_name(r->tier));
	json_key(&j, "isolation_reason");
	json_string(&j, r->tier == JAIL_FULL ? NULL : r->tier_why);
	json_key(&j, "error");
	json_string(&j, r->rejected);
	json_key(&j, "diagnostics");
	json_array(&j);
	for (i = 0; i < o->fs.n; i++) {
		d = &o->fs.v[i];
		json_object(&j);
		json_key(&j, "category");
		json_string(&j, category_names[d->category]);
		json_key(&j, "blocking");
		json_bool(&j, (o->blocking & (1u << d->category)) != 0);
		json_key(&j, "file");
		json_string(&j, d->file);
		json_key(&j, "line");
		if (d->file != NULL)
			json_uint(&j, d->line);
		else
			json_null(&j);
		json_key(&j, "message");
		json_string(&j, d->message);
		json_key(&j, "explanation");
		json_string(&j, d->explanation);
		json_end(&j, '}');
	}
	json_end(&j, ']');
	json_key(&j, "checks");
	json_array(&j);
	for (i = 0; i < o->nchecks; i++) {
		json_object(&j);
		json_key(&j, "name");
		json_string(&j, o->checks[i].name);
		json_key(&j, "status");
		json_string(&j, check_status_names[o->checks[i].status]);
		json_key(&j, "blocking");
		json_bool(&j, o->checks[i].blocking);
		json_key(&j, "reason");
		json_string(&j, o->checks[i].reason);
		json_end(&j, '}');
	}
	json_end(&j, ']');
	if (o->lesson != NULL) {
		json_key(&j, "hint");
		json_string(&j, hint);
	}
	json_key(&j, "build");
	if (r->stage == RUNNER_REJECTED)
		json_null(&j);
	else
		json_jail(&j, &r->build);
	json_key(&j, "run");
	if (r->stage == RUNNER_RAN)
		json_jail(&j, &r->run);
	else
		json_null(&j);
	json_end(&j, '}');
}

/*
 * Each finding as "FILE:LINE: category: message", its explanation indented
 * below; advice that does not fail the whole is marked so.
 */
void
show_findings(FILE *f, const struct outcome *o)
{
	const struct finding	*d;
	const char		*p, *nl;
	size_t			 i;

	for (i = 0; i < o->fs.n; i++) {
		d = &o->fs.v[i];
		if (d->file != NULL)
			fprintf(f, "%s:%u: ", d->file, d->line);
		fprintf(f, "%s%s: %s\n", category_names[d->category],
		    (o->blocking & (1u << d->category)) ? "" : " (advice)",
		    d->message);
		for (p = d->explanation; p != NULL && *p != '\0'; p = nl) {
			nl = strchr(p, '\n');
			fprintf(f, "    %.*s\n", nl != NULL ? (int)(nl - p) :
			    (int)strlen(p), p);
			if (nl != NULL)
				nl++;
		}
	}
}
