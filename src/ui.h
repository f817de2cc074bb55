/* ui: the terminal front end (ncursesw). */
#ifndef UI_H
#define UI_H

#include <stddef.h>

int	ui_main(const char **, size_t);

#endif
