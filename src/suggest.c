/* suggest: find a name in a table, or the near miss the user meant. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suggest.h"
#include "xmalloc.h"

#define SUGGEST_MAX_LEN	64

/* Return the index of word in names[0..n), or -1. */
int
names_find(const char *const *names, size_t n, const char *word)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (names[i] != NULL && strcmp(names[i], word) == 0)
			return ((int)i);
	}
	return (-1);
}

/*
 * The optimal string alignment distance between a and b: insertions,
 * deletions, substitutions and swaps of two neighbours each cost one.
 */
static size_t
edit_distance(const char *a, const char *b)
{
	size_t	 la = strlen(a), lb = strlen(b), i, j, cost, best;
	size_t	*d, w = lb + 1;

	d = xcalloc((la + 1) * w, sizeof *d);
	for (i = 0; i <= la; i++)
		d[i * w] = i;
	for (j = 0; j <= lb; j++)
		d[j] = j;
	for (i = 1; i <= la; i++) {
		for (j = 1; j <= lb; j++) {
			cost = a[i - 1] != b[j - 1];
			best = d[(i - 1) * w + j] + 1;
			if (d[i * w + j - 1] + 1 < best)
				best = d[i * w + j - 1] + 1;
			if (d[(i - 1) * w + j - 1] + cost < best)
				best = d[(i - 1) * w + j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] &&
			    d[(i - 2) * w + j - 2] + 1 < best)
				best = d[(i - 2) * w + j - 2] + 1;
			d[i * w + j] = best;
		}
	}
	best = d[la * w + lb];
	free(d);
	return (best);
}

/*
 * Return the name in names[0..n) closest to word, when it is close enough to
 * be a slip (at most 2 edits, and fewer than half the word), or NULL.
 */
const char *
suggest(const char *word, const char *const *names, size_t n)
{
	const char	*best = NULL;
	size_t		 i, d, bestd = (size_t)-1, len = strlen(word), limit;

	if (len == 0 || len > SUGGEST_MAX_LEN)
		return (NULL);
	limit = len <= 3 ? 1 : 2;
	for (i = 0; i < n; i++) {
		if (names[i] == NULL || strlen(names[i]) > SUGGEST_MAX_LEN)
			continue;
		d = edit_distance(word, names[i]);
		if (d <= limit && d < bestd) {
			best = names[i];
			bestd = d;
		}
	}
	return (best);
}

/* Join names[0..n) as "a, b, c"; the caller frees. */
char *
names_join(const char *const *names, size_t n)
{
	char	*s, *p;
	size_t	 i, len = 1;

	for (i = 0; i < n; i++)
		len += strlen(names[i]) + 2;
	p = s = xmalloc(len);
	*p = '\0';
	for (i = 0; i < n; i++)
		p += sprintf(p, "%s%s", i == 0 ? "" : ", ", names[i]);
	return (s);
}
