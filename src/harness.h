/*
 * harness: wrap the learner's func main without editing their files. The
 * package's main is renamed in place (same bytes, same lines) in a copy,
 * and the harness files under share/harness are added beside it, all
 * through a go build -overlay file.
 */
#ifndef HARNESS_H
#define HARNESS_H

#define HARNESS_MAIN	"\xc7\xa5mn"	/* "ǥmn": as long as "main" */

int	harness_overlay(const char *, const char *, char **, char **);
int	harness_goroutines(const char *);

#endif
