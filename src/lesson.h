/*
 * lesson: the model of tracks and lessons, with the names of its enums.
 * Plain data, no I/O: load.c fills it in, everything else reads it.
 */
#ifndef LESSON_H
#define LESSON_H

#include <stddef.h>

/* The language a track starts from. */
enum lang {
	LANG_JAVA,
	LANG_PYTHON,
	LANG__COUNT
};

/* What a lesson teaches; reports build the migration profile from these. */
enum concept {
	CONCEPT_BASICS,
	CONCEPT_TYPES,
	CONCEPT_ERRORS,
	CONCEPT_COLLECTIONS,
	CONCEPT_GENERICS,
	CONCEPT_INTERFACES,
	CONCEPT_CONCURRENCY,
	CONCEPT_TESTING,
	CONCEPT_TOOLING,
	CONCEPT__COUNT
};

/* Every finding has exactly one of these categories. */
enum category {
	CAT_COMPILE_ERROR,
	CAT_VET,
	CAT_IGNORED_ERROR,
	CAT_IDIOM_TRAP,
	CAT_PANIC,
	CAT_DEADLOCK,
	CAT_GOROUTINE_LEAK,
	CAT_DATA_RACE,
	CAT_TIMEOUT,
	CAT_TOO_SLOW,
	CAT_WRONG_OUTPUT,
	CAT_WRONG_EXIT_CODE,
	CAT_MEMORY_LIMIT,
	CAT_OUTPUT_LIMIT,
	CAT_SANDBOX_VIOLATION,
	CAT__COUNT
};

/* The categories a lesson may switch on with expect.detectors. */
#define CAT_DETECTORS ((1u << CAT_VET) | (1u << CAT_IGNORED_ERROR) | \
	(1u << CAT_GOROUTINE_LEAK) | (1u << CAT_DATA_RACE) | \
	(1u << CAT_IDIOM_TRAP))

/* How expected output is compared with what the program printed. */
enum match {
	MATCH_TRIMMED,
	MATCH_EXACT,
	MATCH_REGEX,
	MATCH_LINES,
	MATCH_CONTAINS,
	MATCH__COUNT
};

/* Where something was written, for messages; file is the lesson's path. */
struct pos {
	unsigned	 line;
	unsigned	 col;
};

/* A Go release, such as 1.21 or 1.22.3 (patch 0 when not given). */
struct goversion {
	unsigned	 major;
	unsigned	 minor;
	unsigned	 patch;
};

/* A PCRE2 pattern on learner source and the advice it gives. */
struct trap {
	char		*pattern;
	char		*advice;
	struct pos	 pos;
};

struct trapset {
	struct trap	*v;
	size_t		 n;
};

/* One file of an exercise: a relative path and its content. */
struct srcfile {
	char		*path;
	char		*text;
	size_t		 len;
};

struct fileset {
	struct srcfile	*v;
	size_t		 n;
};

struct expect {
	char		*output;	/* NULL when output is not checked */
	enum match	 match;
	int		 exit_code;
	unsigned	 max_wall_ms;	/* 0 when there is no bound */
	unsigned	 detectors;	/* bit set of enum category */
};

/* A known-wrong solution and the diagnosis it must get. */
struct wrong {
	char		*why;
	enum category	 diagnosis;
	struct fileset	 files;
};

struct exercise {
	char		*prompt;
	struct fileset	 files;
	char		*stdin_text;
	char		**args;
	size_t		 nargs;
	unsigned	 timeout_ms;
	struct expect	 expect;
	char		**hints;
	size_t		 nhints;
	struct fileset	 solution;
	struct wrong	*wrong;
	size_t		 nwrong;
};

struct idiom {
	char		*java;
	char		*python;
	char		*go;
	char		*output;
};

struct lesson {
	char		*path;		/* the lesson file */
	char		*id;
	struct pos	 id_pos;
	char		*title;
	unsigned	 concepts;	/* bit set of enum concept */
	struct goversion min_go;
	struct idiom	 idiom;
	char		*explanation;
	struct exercise	 exercise;
	struct trapset	 traps;
};

struct track {
	char		*dir;
	char		*path;		/* its track.yaml */
	char		*id;
	struct pos	 id_pos;
	char		*title;
	enum lang	 from;
	char		*description;
	struct lesson	**lessons;	/* in teaching order */
	size_t		 nlessons;
	struct trapset	 traps;
};

struct library {
	struct track	**tracks;
	size_t		 ntracks;
};

#define EXERCISE_DEFAULT_TIMEOUT_MS	10000
#define EXERCISE_MAX_TIMEOUT_MS		60000

extern const char *const lang_names[LANG__COUNT];
extern const char *const concept_names[CONCEPT__COUNT];
extern const char *const category_names[CAT__COUNT];
extern const char *const match_names[MATCH__COUNT];

int		 goversion_parse(const char *, struct goversion *);
int		 goversion_cmp(const struct goversion *,
		     const struct goversion *);
char		*goversion_string(const struct goversion *);
int		 duration_parse(const char *, unsigned *);
void		 lesson_free(struct lesson *);
void		 track_free(struct track *);
void		 library_free(struct library *);
struct track	*library_find_track(const struct library *, const char *);
struct lesson	*track_find_lesson(const struct track *, const char *);

#endif
