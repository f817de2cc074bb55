/* json: write JSON to a stream, one value at a time, with commas handled. */

#include <inttypes.h>
#include <string.h>

#include "fatal.h"
#include "json.h"

/* Start writing to f. */
void
json_init(struct json *j, FILE *f)
{
	memset(j, 0, sizeof *j);
	j->f = f;
	j->first[0] = 1;
}

/* Start writing to f on one line: no spaces and no final newline. */
void
json_init_compact(struct json *j, FILE *f)
{
	json_init(j, f);
	j->compact = 1;
}

/* Put the comma and indent before a value or key at this level. */
static void
sep(struct json *j)
{
	if (j->after_key) {
		j->after_key = 0;
		return;
	}
	if (!j->first[j->depth])
		fputc(',', j->f);
	j->first[j->depth] = 0;
	if (j->depth > 0 && !j->compact)
		fprintf(j->f, "\n%*s", j->depth * 2, "");
}

/* Open a container with c, '{' or '['. */
static void
open_container(struct json *j, int c)
{
	sep(j);
	fputc(c, j->f);
	if (++j->depth >= JSON_MAX_DEPTH)
		fatal("JSON nested too deep");
	j->first[j->depth] = 1;
}

void
json_object(struct json *j)
{
	open_container(j, '{');
}

void
json_array(struct json *j)
{
	open_container(j, '[');
}

/* Close the innermost container with c, '}' or ']'. */
void
json_end(struct json *j, int c)
{
	int	empty = j->first[j->depth];

	j->depth--;
	if (!empty && !j->compact)
		fprintf(j->f, "\n%*s", j->depth * 2, "");
	fputc(c, j->f);
	if (j->depth == 0 && !j->compact)
		fputc('\n', j->f);
}

/* Write len bytes as a JSON string; invalid UTF-8 becomes U+FFFD. */
void
json_bytes(struct json *j, const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s, *end = p + len;
	size_t			 n, k;

	sep(j);
	fputc('"', j->f);
	while (p < end) {
		if (*p == '"' || *p == '\\') {
			fputc('\\', j->f);
			fputc(*p++, j->f);
		} else if (*p == '\n') {
			fputs("\\n", j->f);
			p++;
		} else if (*p == '\t') {
			fputs("\\t", j->f);
			p++;
		} else if (*p < 0x20 || *p == 0x7f) {
			fprintf(j->f, "\\u%04x", *p++);
		} else if (*p < 0x80) {
			fputc(*p++, j->f);
		} else {
			/* A UTF-8 sequence: copy it if whole and valid, with
			 * no overlong form, surrogate or value past U+10FFFF
			 * (RFC 3629's table of second bytes). */
			n = *p >= 0xf0 && *p < 0xf5 ? 4 : *p >= 0xe0 &&
			    *p < 0xf0 ? 3 : *p >= 0xc2 && *p < 0xe0 ? 2 : 0;
			for (k = 1; n != 0 && k < n; k++) {
				if (p + k >= end || (p[k] & 0xc0) != 0x80)
					n = 0;
			}
			if (n != 0 && ((*p == 0xe0 && p[1] < 0xa0) ||
			    (*p == 0xed && p[1] > 0x9f) ||
			    (*p == 0xf0 && p[1] < 0x90) ||
			    (*p == 0xf4 && p[1] > 0x8f)))
				n = 0;
			if (n == 0) {
				fputs("\\ufffd", j->f);
				p++;
			} else {
				fwrite(p, 1, n, j->f);
				p += n;
			}
		}
	}
	fputc('"', j->f);
}

void
json_string(struct json *j, const char *s)
{
	if (s == NULL)
		json_null(j);
	else
		json_bytes(j, s, strlen(s));
}

/* Write a key; the next call writes its value. */
void
json_key(struct json *j, const char *k)
{
	json_string(j, k);
	fputs(j->compact ? ":" : ": ", j->f);
	j->after_key = 1;
}

void
json_int(struct json *j, long long v)
{
	sep(j);
	fprintf(j->f, "%lld", v);
}

void
json_uint(struct json *j, uint64_t v)
{
	sep(j);
	fprintf(j->f, "%" PRIu64, v);
}

void
json_bool(struct json *j, int v)
{
	sep(j);
	fputs(v ? "true" : "false", j->f);
}

void
json_null(struct json *j)
{
	sep(j);
	fputs("null", j->f);
}
