/* cmd: the subcommands of the gotutor command line, one ops struct each. */
#ifndef CMD_H
#define CMD_H

#include <stdint.h>
#include <stdio.h>

/* Exit statuses shared by every command. */
#define EXIT_OK		0
#define EXIT_FAIL	1	/* a check or lint failed */
#define EXIT_USAGE	2	/* bad usage or unusable input */

struct cmd {
	const char	*name;
	const char	*args;		/* the synopsis after the name */
	const char	*summary;	/* one line for the command list */
	const char	*help;		/* the body of --help */
	int		(*exec)(const struct cmd *, int, char **);
};

extern const struct cmd	cmd_check;
extern const struct cmd	cmd_class;
extern const struct cmd	cmd_doctor;
extern const struct cmd	cmd_lint;
extern const struct cmd	cmd_list;
extern const struct cmd	cmd_play;
extern const struct cmd	cmd_progress;
extern const struct cmd	cmd_report;

void	cmd_help(const struct cmd *, FILE *);
int	cmd_usage_error(const struct cmd *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
int	cmd_check_paths(const struct cmd *, int, char **);
int	cmd_options(const struct cmd *, int, char **, int *);
const char *cmd_utc(char *, size_t, uint64_t);

#endif
