/* Where Skranken finds its shipped files and keeps the user's data. */
#ifndef SKRANKEN_PATHS_H
#define SKRANKEN_PATHS_H

/* The assets folder: $SKRANKEN_ASSETS, else the one the build was made from. */
const char *paths_assets_dir(void);
/* The shipped scenarios folder: $SKRANKEN_SCENARIOS, else the build's. */
const char *paths_scenarios_dir(void);
/* The data folder: override if given, else $XDG_DATA_HOME/skranken, else
 * $HOME/.local/share/skranken. Caller frees; NULL if none can be found. */
char *paths_data_dir(const char *override);
/* A scenario argument: a path (contains '/' or ends in .lua) is used as it is;
 * a bare id becomes <scenarios>/<id>.lua. Caller frees. */
char *paths_scenario(const char *arg);

#include "assess/catalog.h"

/* Loads the competence catalog: the file given (--catalog), else the shipped
 * <assets>/catalog.json. NULL with "file[:line]: message" in err. */
Catalog *paths_load_catalog(const char *given, char *err, size_t errsize);

#endif
