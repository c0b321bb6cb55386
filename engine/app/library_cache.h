/* The library's memory of what each scenario file said about itself (title,
 * summary, goals, or its load error), so the window can show the library without
 * loading every scenario at every start (docs/performance.md). A derived file in
 * the data folder (cache/library.tsv): anything wrong with it and it is ignored
 * and written again; it is never needed for a correct result. */
#ifndef SKRANKEN_LIBRARY_CACHE_H
#define SKRANKEN_LIBRARY_CACHE_H

#include "ui/ui.h"

typedef struct LibraryCache LibraryCache;

/* Reads the cache file at path (NULL: a cache that keeps nothing). Entries count
 * only while this program file, the catalog file (catalog_path) and the scenario
 * file itself are unchanged: same size, modification time and inode. */
LibraryCache *library_cache_open(const char *path, const char *catalog_path);

/* 1 and e's id, title, summary, minutes, difficulty, modes, goals and error filled
 * in when the cache knows this unchanged file; 0 otherwise. */
int library_cache_get(LibraryCache *c, const char *scenario_path, UiLibraryEntry *e);

/* Remembers what loading the file gave. */
void library_cache_put(LibraryCache *c, const char *scenario_path, const UiLibraryEntry *e);

/* Frees what describes the file in e (id, title, summary, error, goals) and
 * zeroes it; the path stays. */
void library_entry_clear(UiLibraryEntry *e);

/* Writes the file again if anything changed (files loaded, or gone), quietly:
 * a cache that cannot be written is only slower next time. Frees c. */
void library_cache_close(LibraryCache *c);

#endif
