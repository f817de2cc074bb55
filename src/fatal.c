/* fatal: report an impossible condition, restore the terminal, exit. */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "fatal.h"

static void (*fatal_hook)(void);

/* Set the function fatal() calls first, such as the terminal's restore. */
void
fatal_set_hook(void (*hook)(void))
{
	fatal_hook = hook;
}

/* Run the hook, print "gotutor: fatal: MESSAGE" and exit with status 70. */
void
fatal(const char *fmt, ...)
{
	va_list	ap;

	if (fatal_hook != NULL) {
		void (*hook)(void) = fatal_hook;

		fatal_hook = NULL;
		hook();
	}
	fputs("gotutor: fatal: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(70);
}
