/* suggest: find a name in a table, or the near miss the user meant. */
#ifndef SUGGEST_H
#define SUGGEST_H

#include <stddef.h>

int		 names_find(const char *const *, size_t, const char *);
char		*names_join(const char *const *, size_t);
const char	*suggest(const char *, const char *const *, size_t);

#endif
