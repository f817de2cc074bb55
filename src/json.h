/* json: write JSON to a stream, one value at a time, with commas handled. */
#ifndef JSON_H
#define JSON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define JSON_MAX_DEPTH	32

struct json {
	FILE		*f;
	int		 depth;
	int		 first[JSON_MAX_DEPTH];	/* nothing written at this level */
	int		 after_key;
	int		 compact;	/* one line, no spaces, no newline */
};

void	json_init(struct json *, FILE *);
void	json_init_compact(struct json *, FILE *);
void	json_object(struct json *);
void	json_array(struct json *);
void	json_end(struct json *, int);
void	json_key(struct json *, const char *);
void	json_string(struct json *, const char *);
void	json_bytes(struct json *, const char *, size_t);
void	json_int(struct json *, long long);
void	json_uint(struct json *, uint64_t);
void	json_bool(struct json *, int);
void	json_null(struct json *);

#endif
