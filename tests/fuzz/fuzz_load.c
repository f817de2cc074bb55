/* fuzz_load: libFuzzer target for the YAML loader and its validation. */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "lesson.h"
#include "load.h"
#include "problem.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Load one input as a lesson file, then format every problem it has. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct problems	 pb;
	struct lesson	*l;
	char		*s;
	size_t		 i;

	problems_init(&pb);
	l = load_lesson_buffer("fuzz.yaml", (const char *)data, size, &pb);
	lesson_free(l);
	problems_sort(&pb);
	for (i = 0; i < pb.n; i++) {
		s = problem_format(&pb.v[i]);
		free(s);
	}
	problems_free(&pb);
	return (0);
}
