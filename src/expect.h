/* expect: compare what a program printed with what a lesson expects. */
#ifndef EXPECT_H
#define EXPECT_H

#include <stddef.h>

#include "lesson.h"

int	expect_output(enum match, const char *, const char *, size_t, char **);
char	*expect_diff(const char *, const char *, size_t);

#endif
