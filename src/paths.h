/* paths: the user's folders for gotutor's cache, data and configuration. */
#ifndef PATHS_H
#define PATHS_H

char	*paths_cache(char **);
char	*paths_data(char **);
int	 paths_mkdirs(const char *, char **);

#endif
