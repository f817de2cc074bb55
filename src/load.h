/*
 * load: read tracks and lessons from YAML into the model, checking every
 * field. Each problem is added to a list as FILE:LINE:COL: message; loading
 * goes on after an error so that one run reports them all.
 */
#ifndef LOAD_H
#define LOAD_H

#include <stddef.h>

#include "lesson.h"
#include "problem.h"

#define LOAD_TRACK_FILE	"track.yaml"

struct lesson	*load_lesson_buffer(const char *, const char *, size_t,
		     struct problems *);
struct lesson	*load_lesson_file(const char *, struct problems *);
struct track	*load_track(const char *, struct problems *);
int		 load_path(struct library *, const char *, struct problems *);

#endif
