/* yamltree: parse one YAML document into a tree of nodes with positions. */

#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "fatal.h"
#include "xmalloc.h"
#include "yamltree.h"

/* A collection being filled, on the parse stack. */
struct frame {
	struct ynode	*node;
	size_t		 nitems;
	size_t		 cap;
};

/* Make a node of type t between two marks; the caller owns it. */
static struct ynode *
node_new(enum ynode_type t, const yaml_mark_t *start, const yaml_mark_t *end)
{
	struct ynode	*n;

	n = xcalloc(1, sizeof *n);
	n->type = t;
	n->style = YSTYLE_COLLECTION;
	n->line = start->line + 1;
	n->col = start->column + 1;
	n->end_line = end->line + 1;
	n->end_col = end->column + 1;
	return (n);
}

/* Append child to the collection being filled. */
static void
frame_add(struct frame *f, struct ynode *child)
{
	if (f->nitems == f->cap) {
		f->cap = f->cap == 0 ? 8 : f->cap * 2;
		f->node->items = xreallocarray(f->node->items, f->cap,
		    sizeof *f->node->items);
	}
	f->node->items[f->nitems++] = child;
}

/* Finish the collection: set its count of items or pairs. */
static struct ynode *
frame_close(struct frame *f)
{
	f->node->n = f->node->type == YNODE_MAP ? f->nitems / 2 : f->nitems;
	return (f->node);
}

/* Free a collection that was never finished, with what it holds. */
static void
frame_abandon(struct frame *f)
{
	size_t	i;

	for (i = 0; i < f->nitems; i++)
		yamltree_free(f->node->items[i]);
	f->node->n = 0;
	yamltree_free(f->node);
}

/* Map a libyaml scalar style to ours. */
static enum ynode_style
scalar_style(yaml_scalar_style_t s)
{
	switch (s) {
	case YAML_SINGLE_QUOTED_SCALAR_STYLE:
		return (YSTYLE_SINGLE);
	case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
		return (YSTYLE_DOUBLE);
	case YAML_LITERAL_SCALAR_STYLE:
	case YAML_FOLDED_SCALAR_STYLE:
		return (YSTYLE_BLOCK);
	default:
		return (YSTYLE_PLAIN);
	}
}

/* Report libyaml's own error, with its context when it has one. */
static void
parser_problem(const char *file, const char *buf, const yaml_parser_t *p,
    struct problems *pb)
{
	const char	*what = p->problem != NULL ? p->problem : "parse error";
	unsigned	 line = 1, col = 1;
	size_t		 i;

	if (p->error == YAML_READER_ERROR) {
		/* The reader knows only the byte offset: find its line. */
		for (i = 0; i < p->problem_offset; i++) {
			if (buf[i] == '\n') {
				line++;
				col = 1;
			} else if (((unsigned char)buf[i] & 0xc0) != 0x80)
				col++;
		}
		problems_add(pb, file, line, col, "not valid UTF-8 text: %s "
		    "(byte %zu)", what, p->problem_offset);
		return;
	}
	if (p->context != NULL)
		problems_add(pb, file, p->problem_mark.line + 1,
		    p->problem_mark.column + 1,
		    "YAML syntax error: %s (%s at line %zu, column %zu)", what,
		    p->context, p->context_mark.line + 1,
		    p->context_mark.column + 1);
	else
		problems_add(pb, file, p->problem_mark.line + 1,
		    p->problem_mark.column + 1, "YAML syntax error: %s", what);
}

/* Add a problem at the start of event ev. */
#define EV_PROBLEM(ev, ...) problems_add(pb, file, (ev).start_mark.line + 1, \
	(ev).start_mark.column + 1, __VA_ARGS__)

/*
 * Parse len bytes of buf, named file in messages. Return the root node (the
 * caller frees it with yamltree_free), or NULL when the document is empty or
 * invalid; every error is added to pb.
 */
struct ynode *
yamltree_parse(const char *file, const char *buf, size_t len,
    struct problems *pb)
{
	yaml_parser_t	 parser;
	yaml_event_t	 ev;
	struct frame	 stack[YAMLTREE_MAX_DEPTH];
	struct frame	*top;
	struct ynode	*root = NULL, *n;
	size_t		 depth = 0;
	int		 docs = 0, done = 0, failed = 0;

	if (len > YAMLTREE_MAX_SIZE) {
		problems_add(pb, file, 0, 0, "file is too large (%zu bytes; "
		    "the limit is %d)", len, YAMLTREE_MAX_SIZE);
		return (NULL);
	}
	if (!yaml_parser_initialize(&parser))
		fatal("cannot start the YAML parser: out of memory");
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);

	while (!done && !failed) {
		if (!yaml_parser_parse(&parser, &ev)) {
			parser_problem(file, buf, &parser, pb);
			failed = 1;
			break;
		}
		n = NULL;
		top = depth > 0 ? &stack[depth - 1] : NULL;
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++docs > 1) {
				EV_PROBLEM(ev, "a lesson file holds one YAML "
				    "document, and this starts a second");
				failed = 1;
			}
			break;
		case YAML_ALIAS_EVENT:
			EV_PROBLEM(ev, "aliases (*%s) are not supported: "
			    "write the text out",
			    (const char *)ev.data.alias.anchor);
			failed = 1;
			break;
		case YAML_SCALAR_EVENT:
			n = node_new(YNODE_SCALAR, &ev.start_mark, &ev.end_mark);
			n->style = scalar_style(ev.data.scalar.style);
			n->len = ev.data.scalar.length;
			n->value = xstrndup((const char *)ev.data.scalar.value,
			    n->len);
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (depth == YAMLTREE_MAX_DEPTH) {
				EV_PROBLEM(ev, "nesting is deeper than %d levels",
				    YAMLTREE_MAX_DEPTH);
				failed = 1;
				break;
			}
			n = node_new(ev.type == YAML_SEQUENCE_START_EVENT ?
			    YNODE_SEQ : YNODE_MAP, &ev.start_mark, &ev.end_mark);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			if (top == NULL)
				break;
			depth--;
			frame_close(top)->end_line = ev.end_mark.line + 1;
			top->node->end_col = ev.end_mark.column + 1;
			if (depth > 0)
				frame_add(&stack[depth - 1], top->node);
			else
				root = top->node;
			break;
		default:
			break;
		}
		if (n != NULL && top != NULL && top->node->type == YNODE_MAP &&
		    top->nitems % 2 == 0 && n->type != YNODE_SCALAR) {
			EV_PROBLEM(ev, "a mapping key must be plain text");
			yamltree_free(n);
			n = NULL;
			failed = 1;
		}
		if (n != NULL && n->type != YNODE_SCALAR) {
			stack[depth].node = n;
			stack[depth].nitems = stack[depth].cap = 0;
			depth++;
		} else if (n != NULL && top != NULL)
			frame_add(top, n);
		else if (n != NULL)
			root = n;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);

	if (failed) {
		while (depth > 0)
			frame_abandon(&stack[--depth]);
		yamltree_free(root);
		return (NULL);
	}
	return (root);
}

/* Free a node and everything below it. */
void
yamltree_free(struct ynode *n)
{
	size_t	i, count;

	if (n == NULL)
		return;
	count = n->type == YNODE_MAP ? n->n * 2 : n->n;
	for (i = 0; i < count; i++)
		yamltree_free(n->items[i]);
	free(n->items);
	free(n->value);
	free(n);
}

/* Name a node's kind for messages: "text", "a list" or "a mapping". */
const char *
yamltree_kind(const struct ynode *n)
{
	switch (n->type) {
	case YNODE_SCALAR:
		return ("text");
	case YNODE_SEQ:
		return ("a list");
	default:
		return ("a mapping");
	}
}

/* Find the value of key in mapping m, or NULL. */
struct ynode *
yamltree_get(const struct ynode *m, const char *key)
{
	size_t	i;

	if (m == NULL || m->type != YNODE_MAP)
		return (NULL);
	for (i = 0; i < m->n; i++) {
		if (strcmp(m->items[2 * i]->value, key) == 0)
			return (m->items[2 * i + 1]);
	}
	return (NULL);
}
