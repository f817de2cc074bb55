/* jsonread: parse one JSON text (RFC 8259) into a tree of nodes. */

#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonread.h"
#include "xmalloc.h"

/* The text being read, and the first error found in it. */
struct reader {
	const unsigned char	*p;
	size_t			 len;
	size_t			 off;
	locale_t		 c_locale;	/* for strtod; 0 if none */
	char			*error;
	size_t			 error_off;
};

/* A growing buffer for a decoded string, always room for a NUL. */
struct buf {
	char	*s;
	size_t	 len;
	size_t	 cap;
};

static void		 fail(struct reader *, size_t, const char *, ...)
			     __attribute__((format(printf, 3, 4)));
static struct jnode	*parse_value(struct reader *, int);

/* Record what is wrong at byte off, unless an error is already recorded. */
static void
fail(struct reader *r, size_t off, const char *fmt, ...)
{
	va_list	ap;

	if (r->error != NULL)
		return;
	va_start(ap, fmt);
	r->error = xvasprintf(fmt, ap);
	va_end(ap);
	r->error_off = off;
}

/* Describe the byte at off for a message, in tmp (16 bytes) or a constant. */
static const char *
found(const struct reader *r, size_t off, char *tmp)
{
	int	c;

	if (off >= r->len)
		return ("end of text");
	c = r->p[off];
	if (c >= 0x20 && c < 0x7f)
		snprintf(tmp, 16, "'%c'", c);
	else
		snprintf(tmp, 16, "byte 0x%02x", c);
	return (tmp);
}

/* Turn byte off into a 1-based line and column; a column is a character. */
static void
position(const struct reader *r, size_t off, size_t *line, size_t *col)
{
	size_t	i;

	*line = *col = 1;
	for (i = 0; i < off && i < r->len; i++) {
		if (r->p[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if ((r->p[i] & 0xc0) != 0x80)
			(*col)++;
	}
}

/* Return the byte at the current offset, or -1 at the end. */
static int
peek(const struct reader *r)
{
	return (r->off < r->len ? r->p[r->off] : -1);
}

/* Skip spaces, tabs and line ends. */
static void
skip_ws(struct reader *r)
{
	int	c;

	while ((c = peek(r)) == ' ' || c == '\t' || c == '\n' || c == '\r')
		r->off++;
}

/* Say whether c is an ASCII digit. */
static int
is_digit(int c)
{
	return (c >= '0' && c <= '9');
}

/* Make an empty node of type t; the caller frees it with jsonread_free. */
static struct jnode *
node_new(enum jnode_type t)
{
	struct jnode	*n;

	n = xcalloc(1, sizeof *n);
	n->type = t;
	return (n);
}

/* Make room in n's arrays for one more item or member; *cap is their size. */
static void
node_grow(struct jnode *n, size_t *cap)
{
	if (n->n < *cap)
		return;
	*cap = *cap == 0 ? 4 : *cap * 2;
	n->kids = xreallocarray(n->kids, *cap, sizeof *n->kids);
	if (n->type == JNODE_OBJECT) {
		n->keys = xreallocarray(n->keys, *cap, sizeof *n->keys);
		n->keylens = xreallocarray(n->keylens, *cap,
		    sizeof *n->keylens);
	}
}

/* Append len bytes of s to b, keeping room for the final NUL. */
static void
buf_add(struct buf *b, const void *s, size_t len)
{
	size_t	cap = b->cap == 0 ? 16 : b->cap;

	while (cap - b->len <= len)
		cap *= 2;
	if (cap != b->cap) {
		b->s = xreallocarray(b->s, cap, 1);
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, len);
	b->len += len;
}

/* Append code point cp (at most U+10FFFF) to b as UTF-8. */
static void
buf_add_utf8(struct buf *b, uint32_t cp)
{
	unsigned char	u[4];
	size_t		n;

	if (cp < 0x80) {
		u[0] = cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = 0xc0 | (cp >> 6);
		u[1] = 0x80 | (cp & 0x3f);
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = 0xe0 | (cp >> 12);
		u[1] = 0x80 | ((cp >> 6) & 0x3f);
		u[2] = 0x80 | (cp & 0x3f);
		n = 3;
	} else {
		u[0] = 0xf0 | (cp >> 18);
		u[1] = 0x80 | ((cp >> 12) & 0x3f);
		u[2] = 0x80 | ((cp >> 6) & 0x3f);
		u[3] = 0x80 | (cp & 0x3f);
		n = 4;
	}
	buf_add(b, u, n);
}

/*
 * Return the length of the well-formed UTF-8 character at p, which has avail
 * bytes, or 0 if it is not one: overlong forms, surrogates and code points
 * past U+10FFFF are not.
 */
static size_t
utf8_len(const unsigned char *p, size_t avail)
{
	unsigned char	lo = 0x80, hi = 0xbf;
	size_t		n, i;

	if (p[0] < 0x80)
		return (1);
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		n = 2;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		n = 3;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		n = 4;
	else
		return (0);
	if (p[0] == 0xe0)
		lo = 0xa0;
	else if (p[0] == 0xed)
		hi = 0x9f;
	else if (p[0] == 0xf0)
		lo = 0x90;
	else if (p[0] == 0xf4)
		hi = 0x8f;
	if (avail < n || p[1] < lo || p[1] > hi)
		return (0);
	for (i = 2; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return (0);
	}
	return (n);
}

/* Read four hex digits at byte off into *v; return -1 if they are not. */
static int
hex4(const struct reader *r, size_t off, uint32_t *v)
{
	uint32_t	x = 0;
	size_t		i;
	int		c;

	if (off > r->len || r->len - off < 4)
		return (-1);
	for (i = 0; i < 4; i++) {
		c = r->p[off + i];
		if (c >= '0' && c <= '9')
			x = x * 16 + (c - '0');
		else if (c >= 'a' && c <= 'f')
			x = x * 16 + (c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			x = x * 16 + (c - 'A' + 10);
		else
			return (-1);
	}
	*v = x;
	return (0);
}

/*
 * Decode the \u escape whose backslash is at esc, and a low surrogate escape
 * after it if it is a high one; a lone surrogate becomes U+FFFD. Return -1 if
 * it is not four hex digits.
 */
static int
parse_unicode(struct reader *r, size_t esc, struct buf *b)
{
	uint32_t	cp, lo;

	if (hex4(r, esc + 2, &cp) != 0) {
		fail(r, esc, "invalid \\u escape, expected four hex digits");
		return (-1);
	}
	r->off = esc + 6;
	if (cp >= 0xd800 && cp <= 0xdbff && r->len - r->off >= 6 &&
	    r->p[r->off] == '\\' && r->p[r->off + 1] == 'u' &&
	    hex4(r, r->off + 2, &lo) == 0 && lo >= 0xdc00 && lo <= 0xdfff) {
		cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
		r->off += 6;
	} else if (cp >= 0xd800 && cp <= 0xdfff)
		cp = 0xfffd;
	buf_add_utf8(b, cp);
	return (0);
}

/*
 * Read the string whose opening quote is at the current offset. Return 0 with
 * the decoded, NUL-terminated text in *s (the caller frees it) and its length
 * in *len, or -1.
 */
static int
parse_string(struct reader *r, char **s, size_t *len)
{
	static const char	 from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	struct buf		 b = { NULL, 0, 0 };
	size_t			 start = r->off, run, n;
	const char		*esc;
	int			 c;

	buf_add(&b, "", 0);
	r->off++;
	for (;;) {
		if (r->off >= r->len) {
			fail(r, start, "unterminated string");
			goto fail;
		}
		c = r->p[r->off];
		if (c == '"')
			break;
		if (c < 0x20) {
			fail(r, r->off, "unescaped control character U+%04X "
			    "in string", (unsigned)c);
			goto fail;
		}
		if (c >= 0x80) {
			n = utf8_len(r->p + r->off, r->len - r->off);
			if (n == 0) {
				fail(r, r->off, "invalid UTF-8 in string");
				goto fail;
			}
			buf_add(&b, r->p + r->off, n);
			r->off += n;
			continue;
		}
		if (c != '\\') {
			for (run = r->off; run < r->len; run++) {
				c = r->p[run];
				if (c < 0x20 || c >= 0x80 || c == '"' ||
				    c == '\\')
					break;
			}
			buf_add(&b, r->p + r->off, run - r->off);
			r->off = run;
			continue;
		}

		if (r->off + 1 >= r->len) {
			fail(r, start, "unterminated string");
			goto fail;
		}
		c = r->p[r->off + 1];
		if (c == 'u') {
			if (parse_unicode(r, r->off, &b) != 0)
				goto fail;
			continue;
		}
		if (c == '\0' || (esc = strchr(from, c)) == NULL) {
			if (c >= 0x20 && c < 0x7f)
				fail(r, r->off, "invalid escape '\\%c' in string",
				    c);
			else
				fail(r, r->off, "invalid escape in string: '\\' "
				    "followed by byte 0x%02x", (unsigned)c);
			goto fail;
		}
		buf_add(&b, &to[esc - from], 1);
		r->off += 2;
	}
	r->off++;
	b.s[b.len] = '\0';
	*s = b.s;
	*len = b.len;
	return (0);

fail:
	free(b.s);
	return (-1);
}

/* Convert a number's text with strtod, in the C locale whatever LC_NUMERIC. */
static double
number_value(const struct reader *r, const char *s)
{
	locale_t	old;
	double		d;

	if (r->c_locale == (locale_t)0)
		return (strtod(s, NULL));
	old = uselocale(r->c_locale);
	d = strtod(s, NULL);
	uselocale(old);
	return (d);
}

/* Read a number: its text as written, and its value as a double. */
static struct jnode *
parse_number(struct reader *r)
{
	struct jnode	*n;
	size_t		 start = r->off;
	char		 tmp[16];

	if (peek(r) == '-')
		r->off++;
	if (peek(r) == '0') {
		r->off++;
		if (is_digit(peek(r))) {
			fail(r, r->off - 1, "leading zero in number");
			return (NULL);
		}
	} else if (is_digit(peek(r))) {
		while (is_digit(peek(r)))
			r->off++;
	} else {
		fail(r, r->off, "expected a digit after '-', found %s",
		    found(r, r->off, tmp));
		return (NULL);
	}
	if (peek(r) == '.') {
		r->off++;
		if (!is_digit(peek(r))) {
			fail(r, r->off, "expected a digit after '.', found %s",
			    found(r, r->off, tmp));
			return (NULL);
		}
		while (is_digit(peek(r)))
			r->off++;
	}
	if (peek(r) == 'e' || peek(r) == 'E') {
		r->off++;
		if (peek(r) == '+' || peek(r) == '-')
			r->off++;
		if (!is_digit(peek(r))) {
			fail(r, r->off, "expected a digit in the exponent, "
			    "found %s", found(r, r->off, tmp));
			return (NULL);
		}
		while (is_digit(peek(r)))
			r->off++;
	}

	n = node_new(JNODE_NUMBER);
	n->len = r->off - start;
	n->str = xstrndup((const char *)r->p + start, n->len);
	n->num = number_value(r, n->str);
	return (n);
}

/* Read true, false or null. */
static struct jnode *
parse_word(struct reader *r)
{
	const char	*word;
	struct jnode	*n;
	size_t		 len;

	switch (peek(r)) {
	case 't':
		word = "true";
		break;
	case 'f':
		word = "false";
		break;
	default:
		word = "null";
		break;
	}
	len = strlen(word);
	if (r->len - r->off < len || memcmp(r->p + r->off, word, len) != 0) {
		fail(r, r->off, "invalid literal, expected %s", word);
		return (NULL);
	}
	r->off += len;
	if (*word == 'n')
		return (node_new(JNODE_NULL));
	n = node_new(JNODE_BOOL);
	n->boolean = *word == 't';
	return (n);
}

/* Read the array whose '[' is at the current offset, at nesting depth. */
static struct jnode *
parse_array(struct reader *r, int depth)
{
	struct jnode	*n, *kid;
	size_t		 cap = 0, comma;
	char		 tmp[16];
	int		 c;

	if (depth > JSONREAD_MAX_DEPTH) {
		fail(r, r->off, "nesting is deeper than %d levels",
		    JSONREAD_MAX_DEPTH);
		return (NULL);
	}
	n = node_new(JNODE_ARRAY);
	r->off++;
	skip_ws(r);
	if (peek(r) == ']') {
		r->off++;
		return (n);
	}
	for (;;) {
		if ((kid = parse_value(r, depth)) == NULL)
			goto fail;
		node_grow(n, &cap);
		n->kids[n->n++] = kid;

		skip_ws(r);
		if ((c = peek(r)) == ']') {
			r->off++;
			return (n);
		}
		if (c != ',') {
			fail(r, r->off, "expected ',' or ']' after an array "
			    "item, found %s", found(r, r->off, tmp));
			goto fail;
		}
		comma = r->off++;
		skip_ws(r);
		if (peek(r) == ']') {
			fail(r, comma, "trailing comma before ']'");
			goto fail;
		}
	}

fail:
	jsonread_free(n);
	return (NULL);
}

/* Read the object whose '{' is at the current offset, at nesting depth. */
static struct jnode *
parse_object(struct reader *r, int depth)
{
	struct jnode	*n, *kid;
	size_t		 cap = 0, comma, keylen;
	char		*key, tmp[16];
	int		 c;

	if (depth > JSONREAD_MAX_DEPTH) {
		fail(r, r->off, "nesting is deeper than %d levels",
		    JSONREAD_MAX_DEPTH);
		return (NULL);
	}
	n = node_new(JNODE_OBJECT);
	r->off++;
	skip_ws(r);
	if (peek(r) == '}') {
		r->off++;
		return (n);
	}
	for (;;) {
		if (peek(r) != '"') {
			fail(r, r->off, "expected a string key, found %s",
			    found(r, r->off, tmp));
			goto fail;
		}
		if (parse_string(r, &key, &keylen) != 0)
			goto fail;
		skip_ws(r);
		if (peek(r) != ':') {
			fail(r, r->off, "expected ':' after the key, found %s",
			    found(r, r->off, tmp));
			free(key);
			goto fail;
		}
		r->off++;
		if ((kid = parse_value(r, depth)) == NULL) {
			free(key);
			goto fail;
		}
		node_grow(n, &cap);
		n->keys[n->n] = key;
		n->keylens[n->n] = keylen;
		n->kids[n->n++] = kid;

		skip_ws(r);
		if ((c = peek(r)) == '}') {
			r->off++;
			return (n);
		}
		if (c != ',') {
			fail(r, r->off, "expected ',' or '}' after an object "
			    "member, found %s", found(r, r->off, tmp));
			goto fail;
		}
		comma = r->off++;
		skip_ws(r);
		if (peek(r) == '}') {
			fail(r, comma, "trailing comma before '}'");
			goto fail;
		}
	}

fail:
	jsonread_free(n);
	return (NULL);
}

/* Read any value after optional space, inside depth containers. */
static struct jnode *
parse_value(struct reader *r, int depth)
{
	struct jnode	*n;
	char		 tmp[16];
	int		 c;

	skip_ws(r);
	switch (c = peek(r)) {
	case '{':
		return (parse_object(r, depth + 1));
	case '[':
		return (parse_array(r, depth + 1));
	case '"':
		n = node_new(JNODE_STRING);
		if (parse_string(r, &n->str, &n->len) != 0) {
			jsonread_free(n);
			return (NULL);
		}
		return (n);
	case 't':
	case 'f':
	case 'n':
		return (parse_word(r));
	default:
		if (c == '-' || is_digit(c))
			return (parse_number(r));
		fail(r, r->off, "expected a value, found %s",
		    found(r, r->off, tmp));
		return (NULL);
	}
}

/*
 * Parse len bytes of text, which need not be NUL-terminated, as one JSON
 * value with optional space around it. Return the root (the caller frees it
 * with jsonread_free), or NULL with *cause set to "line L, column C: what is
 * wrong" (columns count characters, not bytes), or to a message without a
 * position if the text is over JSONREAD_MAX_SIZE; the caller frees *cause.
 */
struct jnode *
jsonread_parse(const char *text, size_t len, char **cause)
{
	struct reader	 r;
	struct jnode	*root;
	size_t		 line, col;
	char		 tmp[16];

	if (len > JSONREAD_MAX_SIZE) {
		*cause = xasprintf("text is too large (%zu bytes; the limit is "
		    "%d)", len, JSONREAD_MAX_SIZE);
		return (NULL);
	}
	memset(&r, 0, sizeof r);
	r.p = (const unsigned char *)text;
	r.len = len;
	r.c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);

	if ((root = parse_value(&r, 0)) != NULL) {
		skip_ws(&r);
		if (r.off < r.len) {
			fail(&r, r.off, "unexpected %s after the value",
			    found(&r, r.off, tmp));
			jsonread_free(root);
			root = NULL;
		}
	}
	if (r.c_locale != (locale_t)0)
		freelocale(r.c_locale);

	if (root == NULL) {
		position(&r, r.error_off, &line, &col);
		*cause = xasprintf("line %zu, column %zu: %s", line, col,
		    r.error);
		free(r.error);
	}
	return (root);
}

/* Free a node and everything below it; n may be NULL. */
void
jsonread_free(struct jnode *n)
{
	size_t	i;

	if (n == NULL)
		return;
	for (i = 0; i < n->n; i++) {
		jsonread_free(n->kids[i]);
		if (n->keys != NULL)
			free(n->keys[i]);
	}
	free(n->kids);
	free(n->keys);
	free(n->keylens);
	free(n->str);
	free(n);
}

/*
 * Find the value of key in object obj: the last one if the key is repeated.
 * Return NULL if obj is NULL, not an object, or has no such key. The node
 * belongs to obj.
 */
struct jnode *
jsonread_get(const struct jnode *obj, const char *key)
{
	size_t	i, len;

	if (obj == NULL || obj->type != JNODE_OBJECT)
		return (NULL);
	len = strlen(key);
	for (i = obj->n; i > 0; i--) {
		if (obj->keylens[i - 1] == len &&
		    memcmp(obj->keys[i - 1], key, len) == 0)
			return (obj->kids[i - 1]);
	}
	return (NULL);
}

/*
 * Return the text of string member key of obj (it belongs to obj, and stops
 * at its first NUL if it holds one), or fallback if it is missing or not a
 * string.
 */
const char *
jsonread_str(const struct jnode *obj, const char *key, const char *fallback)
{
	const struct jnode	*n = jsonread_get(obj, key);

	if (n == NULL || n->type != JNODE_STRING)
		return (fallback);
	return (n->str);
}

/*
 * Return number member key of obj as an integer, exactly even past 2^53 when
 * written without a fraction or exponent, or fallback if it is missing, not a
 * number, not a whole number, or out of range.
 */
long long
jsonread_int(const struct jnode *obj, const char *key, long long fallback)
{
	const struct jnode	*n = jsonread_get(obj, key);
	long long		 v;
	char			*end;

	if (n == NULL || n->type != JNODE_NUMBER)
		return (fallback);
	if (strpbrk(n->str, ".eE") == NULL) {
		errno = 0;
		v = strtoll(n->str, &end, 10);
		if (errno != 0 || *end != '\0')
			return (fallback);
		return (v);
	}
	if (!(n->num >= -9223372036854775808.0 &&
	    n->num < 9223372036854775808.0))
		return (fallback);
	v = (long long)n->num;
	if ((double)v != n->num)
		return (fallback);
	return (v);
}

/* Return boolean member key of obj, or fallback if missing or not a boolean. */
int
jsonread_bool(const struct jnode *obj, const char *key, int fallback)
{
	const struct jnode	*n = jsonread_get(obj, key);

	if (n == NULL || n->type != JNODE_BOOL)
		return (fallback);
	return (n->boolean);
}
