/* yamltree: parse one YAML document into a tree of nodes with positions. */
#ifndef YAMLTREE_H
#define YAMLTREE_H

#include <stddef.h>

#include "problem.h"

#define YAMLTREE_MAX_DEPTH	32
#define YAMLTREE_MAX_SIZE	(1024 * 1024)

enum ynode_type {
	YNODE_SCALAR,
	YNODE_SEQ,
	YNODE_MAP
};

enum ynode_style {
	YSTYLE_PLAIN,
	YSTYLE_SINGLE,
	YSTYLE_DOUBLE,
	YSTYLE_BLOCK,		/* literal | or folded > */
	YSTYLE_COLLECTION
};

/*
 * A node. A scalar has value (NUL-terminated; len excludes the NUL, and the
 * text may hold other NULs). A sequence has n items; a mapping has n pairs
 * stored as items[2*i] (a scalar key) and items[2*i + 1] (its value).
 * Positions are 1-based; end is just past the node.
 */
struct ynode {
	enum ynode_type	  type;
	enum ynode_style  style;
	unsigned	  line, col;
	unsigned	  end_line, end_col;
	char		 *value;
	size_t		  len;
	struct ynode	**items;
	size_t		  n;
};

struct ynode	*yamltree_parse(const char *, const char *, size_t,
		     struct problems *);
void		 yamltree_free(struct ynode *);
const char	*yamltree_kind(const struct ynode *);
struct ynode	*yamltree_get(const struct ynode *, const char *);

#endif
