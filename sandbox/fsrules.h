/* fsrules: Landlock rules for the degraded tier's view of the file system. */
#ifndef FSRULES_H
#define FSRULES_H

int	fsrules_abi(void);
int	fsrules_apply(const char *, int, const char **);

#endif
