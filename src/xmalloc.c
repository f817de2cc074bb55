/* xmalloc: allocation that never returns NULL, and string helpers. */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fatal.h"
#include "xmalloc.h"

/* Allocate size bytes; the caller frees. */
void *
xmalloc(size_t size)
{
	void	*p;

	if (size == 0)
		size = 1;
	if ((p = malloc(size)) == NULL)
		fatal("out of memory allocating %zu bytes", size);
	return (p);
}

/* Allocate a zeroed array of n elements; the caller frees. */
void *
xcalloc(size_t n, size_t size)
{
	void	*p;

	if (n == 0 || size == 0)
		n = size = 1;
	if ((p = calloc(n, size)) == NULL)
		fatal("out of memory allocating %zu x %zu bytes", n, size);
	return (p);
}

/* Resize p to n elements of size bytes, checking for overflow. */
void *
xreallocarray(void *p, size_t n, size_t size)
{
	void	*q;

	if (size != 0 && n > SIZE_MAX / size)
		fatal("array of %zu x %zu bytes overflows", n, size);
	if (n == 0 || size == 0)
		n = size = 1;
	if ((q = realloc(p, n * size)) == NULL)
		fatal("out of memory allocating %zu x %zu bytes", n, size);
	return (q);
}

/* Copy a string; the caller frees. */
char *
xstrdup(const char *s)
{
	return (xstrndup(s, strlen(s)));
}

/* Copy at most len bytes of s and terminate; the caller frees. */
char *
xstrndup(const char *s, size_t len)
{
	char	*p;

	p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return (p);
}

/* Format into a new string; the caller frees. */
char *
xasprintf(const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	return (s);
}

/* Format a va_list into a new string; the caller frees. */
char *
xvasprintf(const char *fmt, va_list ap)
{
	char	*s;

	if (vasprintf(&s, fmt, ap) == -1)
		fatal("out of memory formatting a string");
	return (s);
}
