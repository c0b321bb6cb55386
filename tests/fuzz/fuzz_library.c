/* Fuzzes the window's library cache reader and writer (engine/app/library_cache.c,
 * docs/gui.md "Start"). The input is a cache file's records: the harness puts the
 * header with this program's own stamp in front, so the record parser is reached.
 * Whatever the records hold, the cache must then take a new entry, write itself,
 * and hand that entry back whole when it is read again. */
#define _DEFAULT_SOURCE
#include "fuzz.h"

#include "app/library_cache.h"

#include <stdio.h>
#include <unistd.h>

static char dir[64], cache_path[128], scenario_path[128];
static char header[4096];
static size_t header_len;

static void clean_up(void)
{
    unlink(cache_path);
    unlink(scenario_path);
    rmdir(dir);
}

static void set_up(void)
{
    if (dir[0])
        return;
    snprintf(dir, sizeof dir, "/tmp/skranken-fuzz-library-XXXXXX");
    if (!mkdtemp(dir))
        abort();
    snprintf(cache_path, sizeof cache_path, "%s/library.tsv", dir);
    snprintf(scenario_path, sizeof scenario_path, "%s/a.lua", dir);
    atexit(clean_up);
    FILE *f = fopen(scenario_path, "w");
    if (!f || fputs("-- a scenario file\n", f) < 0 || fclose(f) != 0)
        abort();
    /* a cache opened on a missing file writes just its header: the stamp */
    library_cache_close(library_cache_open(cache_path, NULL));
    f = fopen(cache_path, "r");
    if (!f || !fgets(header, sizeof header, f))
        abort();
    fclose(f);
    header_len = strlen(header);
    if (header_len == 0 || header[header_len - 1] != '\n')
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    set_up();
    FILE *f = fopen(cache_path, "wb");
    if (!f || fwrite(header, 1, header_len, f) != header_len ||
        (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0)
        abort();

    LibraryCache *c = library_cache_open(cache_path, NULL);
    UiLibraryEntry e;
    memset(&e, 0, sizeof e);
    if (library_cache_get(c, scenario_path, &e)) {
        if (!e.id || !*e.id || !e.title)
            abort(); /* an entry handed out is a whole one */
        library_entry_clear(&e);
    }
    UiLibraryEntry mine;
    memset(&mine, 0, sizeof mine);
    mine.id = "a";
    mine.title = "Tittel med æøå\tog tab";
    mine.summary = "Sammendrag \\ med skråstrek";
    mine.minutes = 15;
    mine.difficulty = 2;
    mine.practice = 1;
    strlist_push(&mine.goals, "hse3006.taushetsplikt");
    library_cache_put(c, scenario_path, &mine);
    library_cache_close(c);

    c = library_cache_open(cache_path, NULL);
    if (!library_cache_get(c, scenario_path, &e))
        abort(); /* what was written must be read back */
    if (strcmp(e.id, mine.id) != 0 || strcmp(e.title, mine.title) != 0 || !e.summary ||
        strcmp(e.summary, mine.summary) != 0 || e.minutes != 15 || e.difficulty != 2 ||
        !e.practice || e.exam || e.goals.count != 1 || e.error)
        abort();
    library_entry_clear(&e);
    library_cache_close(c);
    strlist_free(&mine.goals);
    return 0;
}
