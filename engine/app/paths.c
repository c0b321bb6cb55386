#include "paths.h"
#include "core/alloc.h"
#include "core/strbuf.h"

#include <stdlib.h>
#include <string.h>

#ifndef SKRANKEN_ASSETS_DIR
#define SKRANKEN_ASSETS_DIR "assets"
#endif
#ifndef SKRANKEN_SCENARIOS_DIR
#define SKRANKEN_SCENARIOS_DIR "scenarios"
#endif

static const char *env_or(const char *name, const char *fallback)
{
    const char *v = getenv(name);
    return v && *v ? v : fallback;
}

const char *paths_assets_dir(void)
{
    return env_or("SKRANKEN_ASSETS", SKRANKEN_ASSETS_DIR);
}

const char *paths_scenarios_dir(void)
{
    return env_or("SKRANKEN_SCENARIOS", SKRANKEN_SCENARIOS_DIR);
}

char *paths_data_dir(const char *override)
{
    if (override && *override)
        return sk_xstrdup(override);
    StrBuf sb;
    strbuf_init(&sb);
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    if (xdg && xdg[0] == '/')
        strbuf_addf(&sb, "%s/skranken", xdg);
    else if (home && *home)
        strbuf_addf(&sb, "%s/.local/share/skranken", home);
    else
        return NULL;
    return sb.data;
}

char *paths_scenario(const char *arg)
{
    size_t n = strlen(arg);
    if (strchr(arg, '/') || (n > 4 && strcmp(arg + n - 4, ".lua") == 0))
        return sk_xstrdup(arg);
    StrBuf sb;
    strbuf_init(&sb);
    strbuf_addf(&sb, "%s/%s.lua", paths_scenarios_dir(), arg);
    return sb.data;
}

Catalog *paths_load_catalog(const char *given, char *err, size_t errsize)
{
    if (given)
        return catalog_load(given, err, errsize);
    StrBuf sb;
    strbuf_init(&sb);
    strbuf_addf(&sb, "%s/catalog.json", paths_assets_dir());
    Catalog *c = catalog_load(sb.data, err, errsize);
    strbuf_free(&sb);
    return c;
}
