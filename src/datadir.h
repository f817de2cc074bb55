/* datadir: where the bundled tracks and data live, installed or not. */
#ifndef DATADIR_H
#define DATADIR_H

const char	*datadir_share(void);
const char	*datadir_lessons(void);

#endif
