/* jsonread: parse one JSON text (RFC 8259) into a tree of nodes. */
#ifndef JSONREAD_H
#define JSONREAD_H

#include <stddef.h>

#define JSONREAD_MAX_DEPTH	64
#define JSONREAD_MAX_SIZE	(64 * 1024 * 1024)

enum jnode_type {
	JNODE_NULL,
	JNODE_BOOL,
	JNODE_NUMBER,
	JNODE_STRING,
	JNODE_ARRAY,
	JNODE_OBJECT
};

/*
 * A value. A boolean is in boolean (0 or 1). A number is in num, and its
 * text exactly as written is in str, so integers beyond 2^53 are not lost; a
 * magnitude too large for a double is HUGE_VAL. A string is decoded into str
 * as UTF-8, NUL-terminated; len excludes the NUL and the text may hold other
 * NULs (from \u0000). An array has n items in kids. An object has n members
 * in the order written: keys[i] (NUL-terminated, keylens[i] bytes long) and
 * its value kids[i]; a key may appear more than once.
 */
struct jnode {
	enum jnode_type	  type;
	int		  boolean;
	double		  num;
	char		 *str;
	size_t		  len;
	struct jnode	**kids;
	char		**keys;
	size_t		 *keylens;
	size_t		  n;
};

struct jnode	*jsonread_parse(const char *, size_t, char **);
void		 jsonread_free(struct jnode *);
struct jnode	*jsonread_get(const struct jnode *, const char *);
const char	*jsonread_str(const struct jnode *, const char *, const char *);
long long	 jsonread_int(const struct jnode *, const char *, long long);
int		 jsonread_bool(const struct jnode *, const char *, int);

#endif
