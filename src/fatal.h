/* fatal: report an impossible condition, restore the terminal, exit. */
#ifndef FATAL_H
#define FATAL_H

void	fatal_set_hook(void (*)(void));
void	fatal(const char *, ...)
	    __attribute__((format(printf, 1, 2), noreturn));

#endif
