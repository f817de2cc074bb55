/* show: print what a play or a check found, for people or as JSON. */
#ifndef SHOW_H
#define SHOW_H

#include <stdio.h>

#include "check.h"

void	show_json(FILE *, const struct outcome *, const char *, const char *);
void	show_findings(FILE *, const struct outcome *);

#endif
