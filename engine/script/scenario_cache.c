/* The scenario cache: the Lua bytecode that compiling a scenario's text gave, and
 * the text's SHA-256, so a command that loads the same file hundreds of times
 * (verify, check) parses and hashes it once.
 *
 * Bytecode is only ever made here, by lua_dump of a chunk this process has just
 * compiled from text that passed every check, and only ever loaded back into the
 * same process: scenario files themselves are still refused when they hold
 * bytecode (scenario.c), and the sandbox has no load at all. Debug information
 * is kept, so errors name the same file and line as a fresh compile would. */
#include "internal.h"
#include "core/alloc.h"
#include "core/sha256.h"

#include <stdlib.h>
#include <string.h>

#define CACHE_ENTRIES 64

typedef struct Entry {
    char *name;           /* the chunk name the bytecode was compiled under, or NULL */
    char *text;
    size_t size;
    char sha256[65];      /* "" until asked for */
    char *code;           /* bytecode, or NULL until compiled under name */
    size_t code_size;
    unsigned long long used;
} Entry;

struct ScenarioCache {
    Entry e[CACHE_ENTRIES];
    unsigned long long tick;
};

ScenarioCache *scenario_cache_new(void)
{
    return sk_xcalloc(1, sizeof(ScenarioCache));
}

static void entry_clear(Entry *e)
{
    free(e->name);
    free(e->text);
    free(e->code);
    memset(e, 0, sizeof *e);
}

void scenario_cache_free(ScenarioCache *c)
{
    if (!c)
        return;
    for (int i = 0; i < CACHE_ENTRIES; i++)
        entry_clear(&c->e[i]);
    free(c);
}

/* The entry for exactly this text (and name, when name is not NULL); made, in
 * place of the least recently used one, when there is none. */
static Entry *entry_for(ScenarioCache *c, const char *name, const char *text, size_t size)
{
    Entry *oldest = &c->e[0];
    for (int i = 0; i < CACHE_ENTRIES; i++) {
        Entry *e = &c->e[i];
        if (e->text && e->size == size && memcmp(e->text, text, size) == 0 &&
            (!name || !e->name || strcmp(e->name, name) == 0)) {
            e->used = ++c->tick;
            return e;
        }
        if (e->used < oldest->used)
            oldest = e;
    }
    entry_clear(oldest);
    oldest->text = sk_xmalloc(size ? size : 1);
    memcpy(oldest->text, text, size);
    oldest->size = size;
    oldest->used = ++c->tick;
    return oldest;
}

void scenario_cache_sha256(ScenarioCache *c, const char *text, size_t size, char out[65])
{
    if (!c) {
        sha256_hex(text, size, out);
        return;
    }
    Entry *e = entry_for(c, NULL, text, size);
    if (!e->sha256[0])
        sha256_hex(text, size, e->sha256);
    memcpy(out, e->sha256, 65);
}

typedef struct Dump {
    char *data;
    size_t size, cap;
} Dump;

static int dump_writer(lua_State *L, const void *p, size_t n, void *ud)
{
    (void)L;
    Dump *d = ud;
    if (d->size + n > d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 16384;
        while (cap < d->size + n)
            cap *= 2;
        d->data = sk_xrealloc(d->data, cap);
        d->cap = cap;
    }
    memcpy(d->data + d->size, p, n);
    d->size += n;
    return 0;
}

int sk_cache_load(ScenarioCache *c, lua_State *L, const char *text, size_t size, const char *name)
{
    if (!c)
        return luaL_loadbufferx(L, text, size, name, "t");
    Entry *e = entry_for(c, name, text, size);
    if (e->code && e->name && strcmp(e->name, name) == 0)
        return luaL_loadbufferx(L, e->code, e->code_size, name, "b");
    int status = luaL_loadbufferx(L, text, size, name, "t"); /* L: chunk | msg */
    if (status != LUA_OK)
        return status;
    Dump d = {0};
    if (lua_dump(L, dump_writer, &d, 0) == 0 && d.size) {
        free(e->code);
        free(e->name);
        e->code = d.data;
        e->code_size = d.size;
        e->name = sk_xstrdup(name);
    } else {
        free(d.data);
    }
    return LUA_OK;
}
