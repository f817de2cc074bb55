/* test_jsonread: the JSON reader, against the writer, bad input and fuzz. */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "json.h"
#include "jsonread.h"
#include "xmalloc.h"

/*
 * Parse len bytes of s from a copy of exactly that size, without a NUL after
 * it, so that the sanitizers catch any read past the end.
 */
static struct jnode *
parse_n(const char *s, size_t len, char **cause)
{
	struct jnode	*n;
	char		*copy;

	copy = xmalloc(len);
	memcpy(copy, s, len);
	*cause = NULL;
	n = jsonread_parse(copy, len, cause);
	free(copy);
	if (n == NULL)
		assert_non_null(*cause);
	else
		assert_null(*cause);
	return (n);
}

/* Parse the C string s, which must be valid; the caller frees the tree. */
static struct jnode *
parse_ok(const char *s)
{
	struct jnode	*n;
	char		*cause;

	n = parse_n(s, strlen(s), &cause);
	if (n == NULL) {
		print_error("%s: %s\n", s, cause);
		free(cause);
		fail();
	}
	return (n);
}

/* Check that len bytes of s fail to parse with exactly the message want. */
static void
parse_fails_n(const char *s, size_t len, const char *want)
{
	struct jnode	*n;
	char		*cause;

	n = parse_n(s, len, &cause);
	if (n != NULL) {
		jsonread_free(n);
		print_error("%s: parsed\n", s);
		fail();
	}
	assert_string_equal(cause, want);
	free(cause);
}

/* Check that the C string s fails to parse with exactly the message want. */
static void
parse_fails(const char *s, const char *want)
{
	parse_fails_n(s, strlen(s), want);
}

/* Parse a JSON string and check its decoded bytes. */
static void
string_is(const char *json, const char *want, size_t wantlen)
{
	struct jnode	*n;

	n = parse_ok(json);
	assert_int_equal(n->type, JNODE_STRING);
	assert_int_equal(n->len, wantlen);
	assert_memory_equal(n->str, want, wantlen);
	assert_int_equal(n->str[n->len], '\0');
	jsonread_free(n);
}

static void
test_types(void **state)
{
	struct jnode	*n, *a, *o;

	(void)state;
	n = parse_ok(" {\"n\": null, \"t\": true, \"f\": false, \"i\": 42,\r\n"
	    "\t\"s\": \"hi\", \"a\": [1, \"x\", [], {}], \"o\": {\"k\": \"v\"}} ");
	assert_int_equal(n->type, JNODE_OBJECT);
	assert_int_equal(n->n, 7);
	assert_string_equal(n->keys[0], "n");
	assert_string_equal(n->keys[3], "i");
	assert_string_equal(n->keys[6], "o");
	assert_int_equal(n->kids[0]->type, JNODE_NULL);
	assert_int_equal(n->kids[1]->type, JNODE_BOOL);
	assert_int_equal(n->kids[1]->boolean, 1);
	assert_int_equal(n->kids[2]->boolean, 0);
	assert_int_equal(n->kids[3]->type, JNODE_NUMBER);
	assert_true(n->kids[3]->num == 42);
	assert_string_equal(n->kids[3]->str, "42");
	assert_int_equal(n->kids[4]->type, JNODE_STRING);
	assert_string_equal(n->kids[4]->str, "hi");

	a = jsonread_get(n, "a");
	assert_non_null(a);
	assert_int_equal(a->type, JNODE_ARRAY);
	assert_int_equal(a->n, 4);
	assert_int_equal(a->kids[0]->type, JNODE_NUMBER);
	assert_int_equal(a->kids[1]->type, JNODE_STRING);
	assert_int_equal(a->kids[2]->type, JNODE_ARRAY);
	assert_int_equal(a->kids[2]->n, 0);
	assert_int_equal(a->kids[3]->type, JNODE_OBJECT);
	assert_int_equal(a->kids[3]->n, 0);
	o = jsonread_get(n, "o");
	assert_string_equal(jsonread_str(o, "k", NULL), "v");
	jsonread_free(n);

	/* Any value may be the whole text. */
	n = parse_ok("null");
	assert_int_equal(n->type, JNODE_NULL);
	jsonread_free(n);
	n = parse_ok("\n\"x\"\n");
	assert_string_equal(n->str, "x");
	jsonread_free(n);
	n = parse_ok("[[[[]]], {\"a\": {\"b\": [{}]}}]");
	assert_int_equal(n->kids[0]->kids[0]->kids[0]->n, 0);
	assert_int_equal(jsonread_get(jsonread_get(n->kids[1], "a"),
	    "b")->kids[0]->type, JNODE_OBJECT);
	jsonread_free(n);
	jsonread_free(NULL);
}

static void
test_strings(void **state)
{
	(void)state;
	string_is("\"\"", "", 0);
	string_is("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\/\b\f\n\r\t", 8);
	string_is("\"\\u0041\\u00e9\\u00E9\\u20ac\"",
	    "A\xc3\xa9\xc3\xa9\xe2\x82\xac", 8);
	string_is("\"\\ud83d\\ude00\"", "\xf0\x9f\x98\x80", 4);
	string_is("\"\\uDBFF\\uDFFF\"", "\xf4\x8f\xbf\xbf", 4);
	string_is("\"a\\u0000b\"", "a\0b", 3);
	string_is("\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\x7f\"",
	    "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\x7f", 10);
	string_is("\"\xef\xbf\xbf\xf4\x8f\xbf\xbf\"",
	    "\xef\xbf\xbf\xf4\x8f\xbf\xbf", 7);

	/* Lone surrogates become U+FFFD; what follows is kept. */
	string_is("\"\\ud800\"", "\xef\xbf\xbd", 3);
	string_is("\"\\udc00x\"", "\xef\xbf\xbdx", 4);
	string_is("\"\\ud800\\u0041\"", "\xef\xbf\xbd" "A", 4);
	string_is("\"\\ud800\\ud800\\udc00\"", "\xef\xbf\xbd\xf0\x90\x80\x80",
	    7);
	string_is("\"\\ude00\\ud83d\"", "\xef\xbf\xbd\xef\xbf\xbd", 6);
	string_is("\"\\ud83d\\n\"", "\xef\xbf\xbd\n", 4);

	/* Invalid UTF-8 is refused where it starts. */
	parse_fails("\"a\xff\"", "line 1, column 3: invalid UTF-8 in string");
	parse_fails("\"\xc0\x80\"", "line 1, column 2: invalid UTF-8 in string");
	parse_fails("\"\xe0\x80\x80\"",
	    "line 1, column 2: invalid UTF-8 in string");
	parse_fails("\"\xed\xa0\x80\"",
	    "line 1, column 2: invalid UTF-8 in string");
	parse_fails("\"\xf4\x90\x80\x80\"",
	    "line 1, column 2: invalid UTF-8 in string");
	parse_fails("\"\xf5\x80\x80\x80\"",
	    "line 1, column 2: invalid UTF-8 in string");
	parse_fails("\"\xc3\"", "line 1, column 2: invalid UTF-8 in string");
	parse_fails("\"\x80\"", "line 1, column 2: invalid UTF-8 in string");
	parse_fails("\"\xc3", "line 1, column 2: invalid UTF-8 in string");
}

static void
test_numbers(void **state)
{
	struct jnode	*n;

	(void)state;
	n = parse_ok("[0, -0, 1.5, -2.25e-3, 1E+2, 1e400, -1e400, 1e-400, "
	    "9007199254740993, 12345678901234567890, -9223372036854775808, "
	    "9223372036854775807, 9223372036854775808, 1.0, 1e3, 0.5e1, "
	    "2.5, 123456789012345678901234567890e-10]");
	assert_int_equal(n->n, 18);
	assert_true(n->kids[0]->num == 0 && !signbit(n->kids[0]->num));
	assert_true(n->kids[1]->num == 0 && signbit(n->kids[1]->num));
	assert_string_equal(n->kids[1]->str, "-0");
	assert_true(n->kids[2]->num == 1.5);
	assert_true(n->kids[3]->num == -2.25e-3);
	assert_string_equal(n->kids[3]->str, "-2.25e-3");
	assert_true(n->kids[4]->num == 100);
	assert_true(isinf(n->kids[5]->num) && n->kids[5]->num > 0);
	assert_string_equal(n->kids[5]->str, "1e400");
	assert_true(isinf(n->kids[6]->num) && n->kids[6]->num < 0);
	assert_true(n->kids[7]->num == 0);
	assert_true(n->kids[8]->num == 9007199254740992.0);
	assert_string_equal(n->kids[8]->str, "9007199254740993");
	assert_true(n->kids[9]->num == 12345678901234567890.0);
	assert_true(n->kids[17]->num == 12345678901234567890.0);
	jsonread_free(n);

	/* jsonread_int is exact for integers, else whole numbers in range. */
	n = parse_ok("{\"zero\": 0, \"negzero\": -0, \"big\": 9007199254740993, "
	    "\"huge\": 12345678901234567890, \"min\": -9223372036854775808, "
	    "\"max\": 9223372036854775807, \"over\": 9223372036854775808, "
	    "\"under\": -9223372036854775809, \"one\": 1.0, \"k\": 1e3, "
	    "\"five\": 0.5e1, \"half\": 2.5, \"inf\": 1e400, "
	    "\"two63\": 9.223372036854775808e18, \"neg\": -17, \"s\": \"1\"}");
	assert_int_equal(jsonread_int(n, "zero", 7), 0);
	assert_int_equal(jsonread_int(n, "negzero", 7), 0);
	assert_true(jsonread_int(n, "big", 7) == 9007199254740993LL);
	assert_int_equal(jsonread_int(n, "huge", 7), 7);
	assert_true(jsonread_int(n, "min", 7) == LLONG_MIN);
	assert_true(jsonread_int(n, "max", 7) == LLONG_MAX);
	assert_int_equal(jsonread_int(n, "over", 7), 7);
	assert_int_equal(jsonread_int(n, "under", 7), 7);
	assert_int_equal(jsonread_int(n, "one", 7), 1);
	assert_int_equal(jsonread_int(n, "k", 7), 1000);
	assert_int_equal(jsonread_int(n, "five", 7), 5);
	assert_int_equal(jsonread_int(n, "half", 7), 7);
	assert_int_equal(jsonread_int(n, "inf", 7), 7);
	assert_int_equal(jsonread_int(n, "two63", 7), 7);
	assert_int_equal(jsonread_int(n, "neg", 7), -17);
	assert_int_equal(jsonread_int(n, "s", 7), 7);
	assert_int_equal(jsonread_int(n, "missing", 7), 7);
	jsonread_free(n);
}

/* Numbers read the same whatever LC_NUMERIC says (the UI calls setlocale). */
static void
test_locale(void **state)
{
	static const char	*names[] = { "", "de_DE.UTF-8", "fr_FR.UTF-8",
				    "de_DE", "fr_FR" };
	struct jnode		*n;
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (setlocale(LC_NUMERIC, names[i]) == NULL)
			continue;
		if (strcmp(localeconv()->decimal_point, ".") == 0)
			continue;
		n = parse_ok("[1.5, -2.25e1]");
		assert_true(n->kids[0]->num == 1.5);
		assert_true(n->kids[1]->num == -22.5);
		jsonread_free(n);
		assert_non_null(localeconv()->decimal_point);
		assert_string_not_equal(localeconv()->decimal_point, ".");
		break;
	}
	setlocale(LC_NUMERIC, "C");
	n = parse_ok("1.5");
	assert_true(n->num == 1.5);
	jsonread_free(n);
}

static void
test_lookup(void **state)
{
	struct jnode	*n;

	(void)state;
	n = parse_ok("{\"a\": 1, \"b\": \"x\", \"a\": 2, \"a\\u0000z\": 3, "
	    "\"t\": true, \"f\": false, \"z\": null, \"e\": \"\", "
	    "\"nul\": \"p\\u0000q\", \"\": \"empty key\"}");
	assert_int_equal(n->n, 10);
	assert_string_equal(n->keys[0], "a");
	assert_string_equal(n->keys[2], "a");
	assert_int_equal(n->keylens[3], 3);
	assert_memory_equal(n->keys[3], "a\0z", 4);

	assert_int_equal(jsonread_int(n, "a", 0), 2);
	assert_int_equal(jsonread_int(n, "b", -1), -1);
	assert_string_equal(jsonread_str(n, "b", NULL), "x");
	assert_string_equal(jsonread_str(n, "a", "fb"), "fb");
	assert_string_equal(jsonread_str(n, "z", "fb"), "fb");
	assert_string_equal(jsonread_str(n, "e", "fb"), "");
	assert_string_equal(jsonread_str(n, "nul", NULL), "p");
	assert_int_equal(jsonread_get(n, "nul")->len, 3);
	assert_string_equal(jsonread_str(n, "", NULL), "empty key");
	assert_null(jsonread_str(n, "missing", NULL));
	assert_int_equal(jsonread_bool(n, "t", 0), 1);
	assert_int_equal(jsonread_bool(n, "f", 1), 0);
	assert_int_equal(jsonread_bool(n, "z", 5), 5);
	assert_int_equal(jsonread_bool(n, "a", 5), 5);
	assert_int_equal(jsonread_get(n, "z")->type, JNODE_NULL);
	assert_null(jsonread_get(n, "A"));
	assert_null(jsonread_get(n, "a\\u0000z"));

	/* Lookups in what is not an object find nothing. */
	assert_null(jsonread_get(NULL, "a"));
	assert_null(jsonread_get(jsonread_get(n, "b"), "a"));
	assert_string_equal(jsonread_str(NULL, "a", "fb"), "fb");
	assert_int_equal(jsonread_int(NULL, "a", 9), 9);
	assert_int_equal(jsonread_bool(NULL, "a", 9), 9);
	jsonread_free(n);

	n = parse_ok("[{\"a\": 1}]");
	assert_null(jsonread_get(n, "a"));
	assert_int_equal(jsonread_int(n->kids[0], "a", 0), 1);
	jsonread_free(n);
}

/* Write with fn into memory; return the text (the caller frees it), *len. */
static char *
capture(void (*fn)(struct json *), size_t *len)
{
	struct json	 j;
	char		*buf = NULL;
	FILE		*f;

	if ((f = open_memstream(&buf, len)) == NULL)
		fail();
	json_init(&j, f);
	fn(&j);
	fclose(f);
	return (buf);
}

/* A document of every kind of value the writer writes. */
static void
write_doc(struct json *j)
{
	int	i;

	json_object(j);
	json_key(j, "s");
	json_bytes(j, "a\"b\\c\n\t\x01\x1f\x7f/\xc3\xa9\xe2\x82\xac"
	    "\xf0\x9f\x98\x80", 20);
	json_key(j, "nul");
	json_bytes(j, "a\0b", 3);
	json_key(j, "bad");
	json_bytes(j, "x\xffy\xc3", 4);
	json_key(j, "none");
	json_string(j, NULL);
	json_key(j, "min");
	json_int(j, LLONG_MIN);
	json_key(j, "max");
	json_int(j, LLONG_MAX);
	json_key(j, "umax");
	json_uint(j, UINT64_MAX);
	json_key(j, "t");
	json_bool(j, 1);
	json_key(j, "f");
	json_bool(j, 0);
	json_key(j, "z");
	json_null(j);
	json_key(j, "list");
	json_array(j);
	json_int(j, 1);
	json_string(j, "two");
	json_array(j);
	json_end(j, ']');
	json_object(j);
	json_end(j, '}');
	json_end(j, ']');
	json_key(j, "");
	json_string(j, "empty key");
	json_key(j, "dup");
	json_int(j, 1);
	json_key(j, "dup");
	json_int(j, 2);
	json_key(j, "deep");
	for (i = 0; i < JSON_MAX_DEPTH - 2; i++)
		json_array(j);
	json_string(j, "bottom");
	for (i = 0; i < JSON_MAX_DEPTH - 2; i++)
		json_end(j, ']');
	json_end(j, '}');
}

static void
test_roundtrip(void **state)
{
	struct jnode	*n, *l, *d;
	char		*text, *cause;
	size_t		 len;
	int		 i;

	(void)state;
	text = capture(write_doc, &len);
	n = parse_n(text, len, &cause);
	if (n == NULL) {
		print_error("%s\n", cause);
		fail();
	}
	free(text);

	assert_int_equal(n->n, 15);
	d = jsonread_get(n, "s");
	assert_int_equal(d->len, 20);
	assert_memory_equal(d->str, "a\"b\\c\n\t\x01\x1f\x7f/\xc3\xa9\xe2\x82\xac"
	    "\xf0\x9f\x98\x80", 20);
	d = jsonread_get(n, "nul");
	assert_int_equal(d->len, 3);
	assert_memory_equal(d->str, "a\0b", 3);
	d = jsonread_get(n, "bad");
	assert_int_equal(d->len, 8);
	assert_memory_equal(d->str, "x\xef\xbf\xbdy\xef\xbf\xbd", 8);
	assert_int_equal(jsonread_get(n, "none")->type, JNODE_NULL);
	assert_true(jsonread_int(n, "min", 0) == LLONG_MIN);
	assert_true(jsonread_int(n, "max", 0) == LLONG_MAX);
	assert_string_equal(jsonread_get(n, "umax")->str,
	    "18446744073709551615");
	assert_int_equal(jsonread_int(n, "umax", -1), -1);
	assert_int_equal(jsonread_bool(n, "t", 0), 1);
	assert_int_equal(jsonread_bool(n, "f", 1), 0);
	assert_int_equal(jsonread_get(n, "z")->type, JNODE_NULL);
	l = jsonread_get(n, "list");
	assert_int_equal(l->n, 4);
	assert_string_equal(l->kids[0]->str, "1");
	assert_string_equal(l->kids[1]->str, "two");
	assert_int_equal(l->kids[2]->type, JNODE_ARRAY);
	assert_int_equal(l->kids[3]->type, JNODE_OBJECT);
	assert_string_equal(jsonread_str(n, "", NULL), "empty key");
	assert_int_equal(jsonread_int(n, "dup", 0), 2);
	d = jsonread_get(n, "deep");
	for (i = 0; i < JSON_MAX_DEPTH - 2; i++) {
		assert_int_equal(d->type, JNODE_ARRAY);
		assert_int_equal(d->n, 1);
		d = d->kids[0];
	}
	assert_string_equal(d->str, "bottom");
	jsonread_free(n);
}

/* A small deterministic generator for the random tests. */
static uint64_t	rng = 0x9e3779b97f4a7c15ULL;

/* Return a pseudo-random number below n. */
static size_t
rnd(size_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return ((size_t)(rng % n));
}

/* Make a random valid UTF-8 string with escapes to write; NULs if nul. */
static char *
random_text(size_t *len, int nul)
{
	static const char	*pieces[] = { "a", "Z", " ", "\"", "\\", "/",
				    "\n", "\t", "\r", "\x01", "\x1f", "\x7f",
				    "\xc3\xa9", "\xe2\x82\xac", "\xef\xbf\xbf",
				    "\xf0\x9f\x98\x80", "\xf4\x8f\xbf\xbf",
				    "\xed\x9f\xbf", "\xee\x80\x80", "u", "{",
				    "]", ":", "," };
	const char		*p;
	char			*s;
	size_t			 n, i, k;

	n = rnd(12);
	s = xmalloc(n * 4 + 1);
	*len = 0;
	for (i = 0; i < n; i++) {
		if (nul && rnd(10) == 0) {
			s[(*len)++] = '\0';
			continue;
		}
		p = pieces[rnd(sizeof pieces / sizeof pieces[0])];
		k = strlen(p);
		memcpy(s + *len, p, k);
		*len += k;
	}
	s[*len] = '\0';
	return (s);
}

/* Make a random tree, as the reader would build it, depth levels at most. */
static struct jnode *
random_tree(int depth)
{
	static const long long	 ints[] = { 0, 1, -1, 42, LLONG_MIN,
				    LLONG_MAX, 9007199254740993LL };
	struct jnode		*n;
	size_t			 i;
	long long		 v;

	n = xcalloc(1, sizeof *n);
	switch (depth == 0 ? rnd(4) : rnd(6)) {
	case 0:
		n->type = JNODE_NULL;
		break;
	case 1:
		n->type = JNODE_BOOL;
		n->boolean = rnd(2);
		break;
	case 2:
		n->type = JNODE_NUMBER;
		v = rnd(2) ? ints[rnd(sizeof ints / sizeof ints[0])] :
		    (long long)rnd(1000000) - 500000;
		n->str = xasprintf("%lld", v);
		n->len = strlen(n->str);
		n->num = (double)v;
		break;
	case 3:
		n->type = JNODE_STRING;
		n->str = random_text(&n->len, 1);
		break;
	case 4:
		n->type = JNODE_ARRAY;
		n->n = rnd(5);
		n->kids = xcalloc(n->n, sizeof *n->kids);
		for (i = 0; i < n->n; i++)
			n->kids[i] = random_tree(depth - 1);
		break;
	default:
		n->type = JNODE_OBJECT;
		n->n = rnd(5);
		n->kids = xcalloc(n->n, sizeof *n->kids);
		n->keys = xcalloc(n->n, sizeof *n->keys);
		n->keylens = xcalloc(n->n, sizeof *n->keylens);
		for (i = 0; i < n->n; i++) {
			n->keys[i] = random_text(&n->keylens[i], 0);
			n->kids[i] = random_tree(depth - 1);
		}
		break;
	}
	return (n);
}

/* Write tree n with the JSON writer. */
static void
write_tree(struct json *j, const struct jnode *n)
{
	size_t	i;

	switch (n->type) {
	case JNODE_NULL:
		json_null(j);
		break;
	case JNODE_BOOL:
		json_bool(j, n->boolean);
		break;
	case JNODE_NUMBER:
		json_int(j, strtoll(n->str, NULL, 10));
		break;
	case JNODE_STRING:
		json_bytes(j, n->str, n->len);
		break;
	case JNODE_ARRAY:
		json_array(j);
		for (i = 0; i < n->n; i++)
			write_tree(j, n->kids[i]);
		json_end(j, ']');
		break;
	case JNODE_OBJECT:
		json_object(j);
		for (i = 0; i < n->n; i++) {
			json_key(j, n->keys[i]);
			write_tree(j, n->kids[i]);
		}
		json_end(j, '}');
		break;
	}
}

/* Check that trees a and b are the same. */
static void
same_tree(const struct jnode *a, const struct jnode *b)
{
	size_t	i;

	assert_int_equal(a->type, b->type);
	assert_int_equal(a->n, b->n);
	switch (a->type) {
	case JNODE_BOOL:
		assert_int_equal(a->boolean, b->boolean);
		break;
	case JNODE_NUMBER:
		assert_true(a->num == b->num);
		/* FALLTHROUGH */
	case JNODE_STRING:
		assert_int_equal(a->len, b->len);
		assert_memory_equal(a->str, b->str, a->len + 1);
		break;
	default:
		break;
	}
	for (i = 0; i < a->n; i++) {
		if (a->type == JNODE_OBJECT) {
			assert_int_equal(a->keylens[i], b->keylens[i]);
			assert_string_equal(a->keys[i], b->keys[i]);
		}
		same_tree(a->kids[i], b->kids[i]);
	}
}

static struct jnode	*tree_to_write;

/* Write tree_to_write, for capture. */
static void
write_global_tree(struct json *j)
{
	write_tree(j, tree_to_write);
}

static void
test_roundtrip_random(void **state)
{
	struct jnode	*want, *got;
	char		*text, *cause;
	size_t		 len;
	int		 i;

	(void)state;
	for (i = 0; i < 2000; i++) {
		want = random_tree(6);
		tree_to_write = want;
		text = capture(write_global_tree, &len);
		got = parse_n(text, len, &cause);
		if (got == NULL) {
			print_error("%s\n%s\n", text, cause);
			fail();
		}
		same_tree(want, got);
		jsonread_free(got);
		jsonread_free(want);
		free(text);
	}
}

static void
test_errors(void **state)
{
	(void)state;
	/* The cases named in the design, each at its exact position. */
	parse_fails("\"abc", "line 1, column 1: unterminated string");
	parse_fails("{\"a\": [\n  \"xyz", "line 2, column 3: unterminated "
	    "string");
	parse_fails("\"ab\\", "line 1, column 1: unterminated string");
	parse_fails("{\"a\": \"x\\qy\"}",
	    "line 1, column 9: invalid escape '\\q' in string");
	parse_fails("\"\\\x01\"", "line 1, column 2: invalid escape in string: "
	    "'\\' followed by byte 0x01");
	parse_fails("\"\\u12G4\"", "line 1, column 2: invalid \\u escape, "
	    "expected four hex digits");
	parse_fails("\"\\u12\"", "line 1, column 2: invalid \\u escape, "
	    "expected four hex digits");
	parse_fails("[1, 2,]", "line 1, column 6: trailing comma before ']'");
	parse_fails("[1, 2, \n ]", "line 1, column 6: trailing comma before "
	    "']'");
	parse_fails("{\n  \"a\": 1,\n  \"b\": 2,\n}",
	    "line 3, column 9: trailing comma before '}'");
	parse_fails("{\"a\" 1}", "line 1, column 6: expected ':' after the "
	    "key, found '1'");
	parse_fails("{\"a\"", "line 1, column 5: expected ':' after the key, "
	    "found end of text");
	parse_fails("[01]", "line 1, column 2: leading zero in number");
	parse_fails("{\"n\": -007}", "line 1, column 8: leading zero in number");
	parse_fails("00", "line 1, column 1: leading zero in number");
	parse_fails("[\"a\tb\"]", "line 1, column 4: unescaped control "
	    "character U+0009 in string");
	parse_fails("\"a\nb\"", "line 1, column 3: unescaped control "
	    "character U+000A in string");
	parse_fails_n("\"\0\"", 3, "line 1, column 2: unescaped control "
	    "character U+0000 in string");
	parse_fails("{} x", "line 1, column 4: unexpected 'x' after the value");
	parse_fails("1 2", "line 1, column 3: unexpected '2' after the value");
	parse_fails("{}\n\n  ]", "line 3, column 3: unexpected ']' after the "
	    "value");
	parse_fails_n("{}\0", 3, "line 1, column 3: unexpected byte 0x00 after "
	    "the value");
	parse_fails("", "line 1, column 1: expected a value, found end of text");
	parse_fails("  \n ", "line 2, column 2: expected a value, found end of "
	    "text");

	/* Columns count characters, not bytes. */
	parse_fails("[\"\xc3\xa9\xe2\x82\xac\", x]", "line 1, column 8: "
	    "expected a value, found 'x'");

	/* And the rest. */
	parse_fails("{\"a\":1 \"b\":2}", "line 1, column 8: expected ',' or "
	    "'}' after an object member, found '\"'");
	parse_fails("[1 2]", "line 1, column 4: expected ',' or ']' after an "
	    "array item, found '2'");
	parse_fails("[1", "line 1, column 3: expected ',' or ']' after an "
	    "array item, found end of text");
	parse_fails("tru", "line 1, column 1: invalid literal, expected true");
	parse_fails("[nulL]", "line 1, column 2: invalid literal, expected "
	    "null");
	parse_fails("falsy", "line 1, column 1: invalid literal, expected "
	    "false");
	parse_fails("truex", "line 1, column 5: unexpected 'x' after the "
	    "value");
	parse_fails("-", "line 1, column 2: expected a digit after '-', "
	    "found end of text");
	parse_fails("-a", "line 1, column 2: expected a digit after '-', "
	    "found 'a'");
	parse_fails("1.", "line 1, column 3: expected a digit after '.', "
	    "found end of text");
	parse_fails("1.e5", "line 1, column 3: expected a digit after '.', "
	    "found 'e'");
	parse_fails("1e+", "line 1, column 4: expected a digit in the "
	    "exponent, found end of text");
	parse_fails(".5", "line 1, column 1: expected a value, found '.'");
	parse_fails("+1", "line 1, column 1: expected a value, found '+'");
	parse_fails("[1.5.3]", "line 1, column 5: expected ',' or ']' after "
	    "an array item, found '.'");
	parse_fails("{,}", "line 1, column 2: expected a string key, found "
	    "','");
	parse_fails("{1: 2}", "line 1, column 2: expected a string key, found "
	    "'1'");
	parse_fails("{\"a\": 1,}", "line 1, column 8: trailing comma before "
	    "'}'");
	parse_fails("{\"a\": 1, 2}", "line 1, column 10: expected a string "
	    "key, found '2'");
	parse_fails("[,1]", "line 1, column 2: expected a value, found ','");
	parse_fails("[1,,2]", "line 1, column 4: expected a value, found ','");
	parse_fails("{\"a\":}", "line 1, column 6: expected a value, found "
	    "'}'");
	parse_fails("\xef\xbb\xbf{}", "line 1, column 1: expected a value, "
	    "found byte 0xef");
	parse_fails("'a'", "line 1, column 1: expected a value, found '''");
	parse_fails("NaN", "line 1, column 1: expected a value, found 'N'");
	parse_fails("[1]\r\n[2]", "line 2, column 1: unexpected '[' after the "
	    "value");
}

/* Make depth containers nested around middle; the caller frees. */
static char *
nested(int depth, const char *open, const char *middle, const char *close)
{
	size_t	 lo = strlen(open), lm = strlen(middle), lc = strlen(close);
	char	*s, *p;
	int	 i;

	p = s = xmalloc(depth * (lo + lc) + lm + 1);
	for (i = 0; i < depth; i++, p += lo)
		memcpy(p, open, lo);
	memcpy(p, middle, lm);
	p += lm;
	for (i = 0; i < depth; i++, p += lc)
		memcpy(p, close, lc);
	*p = '\0';
	return (s);
}

static void
test_limits(void **state)
{
	struct jnode	*n, *d;
	char		*s, *cause;
	int		 i;

	(void)state;
	s = nested(JSONREAD_MAX_DEPTH, "[", "", "]");
	n = parse_ok(s);
	for (i = 1, d = n; d->n > 0; i++)
		d = d->kids[0];
	assert_int_equal(i, JSONREAD_MAX_DEPTH);
	jsonread_free(n);
	free(s);

	s = nested(JSONREAD_MAX_DEPTH + 1, "[", "", "]");
	parse_fails(s, "line 1, column 65: nesting is deeper than 64 levels");
	free(s);
	s = nested(JSONREAD_MAX_DEPTH + 1, "{\"k\":", "0", "}");
	parse_fails(s, "line 1, column 321: nesting is deeper than 64 levels");
	free(s);
	s = nested(JSONREAD_MAX_DEPTH, "{\"k\":", "0", "}");
	n = parse_ok(s);
	for (i = 0, d = n; i < JSONREAD_MAX_DEPTH - 1; i++)
		d = jsonread_get(d, "k");
	assert_int_equal(jsonread_int(d, "k", -1), 0);
	jsonread_free(n);
	free(s);
	s = nested(1000, "[", "", "]");
	parse_fails(s, "line 1, column 65: nesting is deeper than 64 levels");
	free(s);

	/* Up to 64 MiB is read; one byte more is refused unread. */
	s = xmalloc(JSONREAD_MAX_SIZE + 1);
	memset(s, ' ', JSONREAD_MAX_SIZE + 1);
	s[JSONREAD_MAX_SIZE - 2] = '"';
	s[JSONREAD_MAX_SIZE - 1] = '"';
	n = jsonread_parse(s, JSONREAD_MAX_SIZE, &cause);
	assert_non_null(n);
	assert_int_equal(n->type, JNODE_STRING);
	jsonread_free(n);
	n = jsonread_parse(s, JSONREAD_MAX_SIZE + 1, &cause);
	assert_null(n);
	assert_string_equal(cause, "text is too large (67108865 bytes; the "
	    "limit is 67108864)");
	free(cause);
	free(s);
}

/* A result as gotutor check writes it, with a little of everything. */
static const char sample[] =
    "{\n"
    "  \"track\": \"python\",\n"
    "  \"lesson\": \"close-and-range\",\n"
    "  \"status\": \"fail\",\n"
    "  \"isolation_reason\": null,\n"
    "  \"diagnostics\": [\n"
    "    {\n"
    "      \"category\": \"goroutine-leak\",\n"
    "      \"blocking\": true,\n"
    "      \"line\": 44,\n"
    "      \"message\": \"3 goroutines \\\"blocked\\\" in\\tchan \\u00e9 "
    "\xe2\x82\xac \\ud83d\\ude00\\n\"\n"
    "    }\n"
    "  ],\n"
    "  \"checks\": [{\"name\": \"build\", \"blocking\": false, "
    "\"reason\": null}, [], {}, [-0.5e-3, 1E+2, 0]],\n"
    "  \"run\": {\"exit_code\": -1, \"wall_ms\": 291, \"stdout\": "
    "\"ERROR 2\\nINFO 4\\n\", \"truncated\": false}\n"
    "}";

/* Check that a failure's message is "line L, column C: ..." inside text. */
static void
sane_cause(const char *text, size_t len, const char *cause)
{
	unsigned long	line, col, lines = 1;
	size_t		i;

	if (sscanf(cause, "line %lu, column %lu: ", &line, &col) != 2) {
		print_error("bad message: %s\n", cause);
		fail();
	}
	for (i = 0; i < len; i++)
		lines += text[i] == '\n';
	assert_true(line >= 1 && line <= lines);
	assert_true(col >= 1 && col <= len + 1);
	assert_non_null(strchr(cause, ':'));
	assert_true(strlen(strchr(cause, ':')) > 2);
}

static void
test_prefixes(void **state)
{
	struct jnode	*n;
	char		*cause;
	size_t		 len = sizeof sample - 1, i;

	(void)state;
	for (i = 0; i < len; i++) {
		n = parse_n(sample, i, &cause);
		if (n != NULL) {
			print_error("prefix of %zu bytes parsed\n", i);
			fail();
		}
		sane_cause(sample, i, cause);
		free(cause);
	}
	n = parse_n(sample, len, &cause);
	assert_non_null(n);
	assert_string_equal(jsonread_str(n, "status", NULL), "fail");
	assert_string_equal(jsonread_str(jsonread_get(n, "diagnostics")->kids[0],
	    "message", NULL), "3 goroutines \"blocked\" in\tchan \xc3\xa9 "
	    "\xe2\x82\xac \xf0\x9f\x98\x80\n");
	assert_int_equal(jsonread_int(jsonread_get(n, "run"), "exit_code", 0),
	    -1);
	jsonread_free(n);
}

static void
test_mutations(void **state)
{
	static const char	 bytes[] = "\"\\{}[],:0-.eE+u \n\x00\x80\xff";
	struct jnode		*n;
	char			*buf, *cause;
	size_t			 len, max = sizeof sample * 2, at, k;
	int			 i, m, ok = 0;

	(void)state;
	buf = xmalloc(max);
	for (i = 0; i < 50000; i++) {
		len = sizeof sample - 1;
		memcpy(buf, sample, len);
		for (m = 1 + rnd(4); m > 0; m--) {
			at = rnd(len + 1);
			switch (rnd(5)) {
			case 0:		/* replace with a byte that matters */
				if (at < len)
					buf[at] = bytes[rnd(sizeof bytes)];
				break;
			case 1:		/* replace with any byte */
				if (at < len)
					buf[at] = rnd(256);
				break;
			case 2:		/* delete a run */
				k = rnd(8);
				if (at + k <= len) {
					memmove(buf + at, buf + at + k,
					    len - at - k);
					len -= k;
				}
				break;
			case 3:		/* insert a byte */
				if (len < max) {
					memmove(buf + at + 1, buf + at,
					    len - at);
					buf[at] = bytes[rnd(sizeof bytes)];
					len++;
				}
				break;
			default:	/* cut the text short */
				len = at;
				break;
			}
		}
		n = parse_n(buf, len, &cause);
		if (n != NULL) {
			ok++;
			jsonread_free(n);
		} else {
			sane_cause(buf, len, cause);
			free(cause);
		}
	}
	free(buf);
	assert_true(ok > 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_types),
		cmocka_unit_test(test_strings),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_locale),
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_roundtrip),
		cmocka_unit_test(test_roundtrip_random),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_prefixes),
		cmocka_unit_test(test_mutations),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
