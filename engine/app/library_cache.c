/* The library cache (library_cache.h). One line per scenario file, fields
 * separated by tabs, text fields with \\, \t, \n and \r escaped:
 *
 *   skranken-bibliotek <TAB> 1 <TAB> stamp
 *   path  size  mtime_s  mtime_ns  inode  id  title  summary  minutes  difficulty
 *         practice  exam  goal-ids (space-separated)  error (empty: none)
 *
 * The stamp names the program file and the catalog file (path, size, modification
 * time, inode): a new build or another catalog makes every line stale. Any line
 * that does not parse makes the whole file be ignored (and written again). */
#define _DEFAULT_SOURCE
#include "library_cache.h"
#include "core/alloc.h"
#include "core/file.h"
#include "core/strbuf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CACHE_MAX_BYTES ((size_t)4 << 20)
#define FIELDS 14

typedef struct Rec {
    char *path, *key;
    UiLibraryEntry e; /* id, title, summary, minutes, difficulty, modes, goals, error */
    int used;
} Rec;

struct LibraryCache {
    char *path;
    char *stamp;
    Rec *recs;
    size_t count, cap;
    int changed;
};

/* "size:mtime_s:mtime_ns:inode" of a file, or NULL if it cannot be read. */
static char *file_key(const char *path)
{
    struct stat st;
    if (!path || stat(path, &st) != 0)
        return NULL;
    StrBuf sb;
    strbuf_init(&sb);
    strbuf_addf(&sb, "%lld:%lld:%ld:%llu", (long long)st.st_size, (long long)st.st_mtim.tv_sec,
                (long)st.st_mtim.tv_nsec, (unsigned long long)st.st_ino);
    return sb.data;
}

static void escape(StrBuf *sb, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '\\': strbuf_add(sb, "\\\\"); break;
        case '\t': strbuf_add(sb, "\\t"); break;
        case '\n': strbuf_add(sb, "\\n"); break;
        case '\r': strbuf_add(sb, "\\r"); break;
        default: strbuf_addn(sb, s, 1); break;
        }
    }
}

/* Undoes escape() in place; -1 on a lone or unknown escape. */
static int unescape(char *s)
{
    char *out = s;
    for (; *s; s++) {
        if (*s != '\\') {
            *out++ = *s;
            continue;
        }
        s++;
        switch (*s) {
        case '\\': *out++ = '\\'; break;
        case 't': *out++ = '\t'; break;
        case 'n': *out++ = '\n'; break;
        case 'r': *out++ = '\r'; break;
        default: return -1;
        }
    }
    *out = '\0';
    return 0;
}

static int parse_int(const char *s, int lo, int hi, int *out)
{
    char *end = NULL;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (!*s || *end || errno || v < lo || v > hi)
        return -1;
    *out = (int)v;
    return 0;
}

void library_entry_clear(UiLibraryEntry *e)
{
    free(e->id);
    free(e->title);
    free(e->summary);
    free(e->error);
    strlist_free(&e->goals);
    char *path = e->path;
    memset(e, 0, sizeof *e);
    e->path = path;
}

static void rec_free(Rec *r)
{
    free(r->path);
    free(r->key);
    library_entry_clear(&r->e);
    memset(r, 0, sizeof *r);
}

static void drop_all(LibraryCache *c)
{
    for (size_t i = 0; i < c->count; i++)
        rec_free(&c->recs[i]);
    c->count = 0;
}

/* One record line (modified in place); -1 if it does not parse. */
static int parse_line(LibraryCache *c, char *line)
{
    char *f[FIELDS];
    int n = 0;
    for (char *p = line;; p++) {
        if (n == FIELDS)
            return -1;
        f[n++] = p;
        p = strchr(p, '\t');
        if (!p)
            break;
        *p = '\0';
    }
    if (n != FIELDS)
        return -1;
    for (int i = 0; i < FIELDS; i++)
        if (unescape(f[i]) != 0)
            return -1;
    int minutes, difficulty, practice, exam;
    if (!*f[0] || !*f[5] || parse_int(f[8], 0, 100000, &minutes) != 0 ||
        parse_int(f[9], 0, 100, &difficulty) != 0 || parse_int(f[10], 0, 1, &practice) != 0 ||
        parse_int(f[11], 0, 1, &exam) != 0)
        return -1;
    for (int i = 5; i <= 7; i++) /* id, title, summary: as scenario{} accepts them */
        if (!text_is_clean_utf8(f[i], strlen(f[i])))
            return -1;
    for (int i = 1; i <= 4; i++) /* size, mtime, inode: digits only */
        if (!*f[i] || strspn(f[i], "0123456789") != strlen(f[i]))
            return -1;
    SK_GROW(c->recs, c->count, c->cap);
    Rec *r = &c->recs[c->count++];
    memset(r, 0, sizeof *r);
    r->path = sk_xstrdup(f[0]);
    StrBuf key;
    strbuf_init(&key);
    strbuf_addf(&key, "%s:%s:%s:%s", f[1], f[2], f[3], f[4]);
    r->key = key.data;
    r->e.id = sk_xstrdup(f[5]);
    r->e.title = sk_xstrdup(f[6]);
    r->e.summary = *f[7] ? sk_xstrdup(f[7]) : NULL;
    r->e.minutes = minutes;
    r->e.difficulty = difficulty;
    r->e.practice = practice;
    r->e.exam = exam;
    for (char *g = strtok(f[12], " "); g; g = strtok(NULL, " "))
        strlist_push(&r->e.goals, g);
    r->e.error = *f[13] ? sk_xstrdup(f[13]) : NULL;
    return 0;
}

LibraryCache *library_cache_open(const char *path, const char *catalog_path)
{
    LibraryCache *c = sk_xcalloc(1, sizeof *c);
    if (!path)
        return c;
    c->path = sk_xstrdup(path);
    char *exe = file_key("/proc/self/exe"), *cat = file_key(catalog_path);
    StrBuf stamp;
    strbuf_init(&stamp);
    strbuf_add(&stamp, "skranken-bibliotek\t1\t");
    escape(&stamp, exe ? exe : "?");
    strbuf_add(&stamp, " ");
    escape(&stamp, catalog_path ? catalog_path : "-");
    strbuf_add(&stamp, " ");
    escape(&stamp, cat ? cat : "-");
    free(exe);
    free(cat);
    c->stamp = stamp.data;

    char *text = NULL, err[512];
    size_t len = 0;
    if (file_read_all(path, CACHE_MAX_BYTES, &text, &len, err, sizeof err) != 0) {
        c->changed = 1; /* missing (or unreadable): write it */
        return c;
    }
    int ok = memchr(text, '\0', len) == NULL;
    char *line = text, *nl = NULL;
    if (ok) {
        nl = strchr(line, '\n');
        ok = nl != NULL;
    }
    if (ok) {
        *nl = '\0';
        ok = strcmp(line, c->stamp) == 0;
        line = nl + 1;
    }
    while (ok && *line) {
        nl = strchr(line, '\n');
        if (!nl) { /* a torn last line */
            ok = 0;
            break;
        }
        *nl = '\0';
        ok = parse_line(c, line) == 0;
        line = nl + 1;
    }
    if (!ok) {
        drop_all(c);
        c->changed = 1;
    }
    free(text);
    return c;
}

static Rec *find(LibraryCache *c, const char *scenario_path)
{
    for (size_t i = 0; i < c->count; i++)
        if (strcmp(c->recs[i].path, scenario_path) == 0)
            return &c->recs[i];
    return NULL;
}

static void copy_entry(UiLibraryEntry *to, const UiLibraryEntry *from)
{
    to->id = from->id ? sk_xstrdup(from->id) : NULL;
    to->title = from->title ? sk_xstrdup(from->title) : NULL;
    to->summary = from->summary ? sk_xstrdup(from->summary) : NULL;
    to->error = from->error ? sk_xstrdup(from->error) : NULL;
    to->minutes = from->minutes;
    to->difficulty = from->difficulty;
    to->practice = from->practice;
    to->exam = from->exam;
    for (size_t i = 0; i < from->goals.count; i++)
        strlist_push(&to->goals, from->goals.items[i]);
}

int library_cache_get(LibraryCache *c, const char *scenario_path, UiLibraryEntry *e)
{
    if (!c->path)
        return 0;
    Rec *r = find(c, scenario_path);
    if (!r)
        return 0;
    char *key = file_key(scenario_path);
    int hit = key && strcmp(key, r->key) == 0;
    free(key);
    if (!hit)
        return 0;
    r->used = 1;
    copy_entry(e, &r->e);
    return 1;
}

void library_cache_put(LibraryCache *c, const char *scenario_path, const UiLibraryEntry *e)
{
    if (!c->path)
        return;
    char *key = file_key(scenario_path);
    if (!key)
        return;
    Rec *r = find(c, scenario_path);
    if (r) {
        rec_free(r);
    } else {
        SK_GROW(c->recs, c->count, c->cap);
        r = &c->recs[c->count++];
        memset(r, 0, sizeof *r);
    }
    r->path = sk_xstrdup(scenario_path);
    r->key = key;
    copy_entry(&r->e, e);
    r->used = 1;
    c->changed = 1;
}

void library_cache_close(LibraryCache *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->count && !c->changed; i++)
        if (!c->recs[i].used)
            c->changed = 1; /* a file that is gone */
    if (c->path && c->changed) {
        StrBuf sb;
        strbuf_init(&sb);
        strbuf_add(&sb, c->stamp);
        strbuf_add(&sb, "\n");
        for (size_t i = 0; i < c->count; i++) {
            Rec *r = &c->recs[i];
            if (!r->used)
                continue;
            escape(&sb, r->path);
            strbuf_add(&sb, "\t");
            for (char *k = r->key; *k; k++) /* size:mtime_s:mtime_ns:inode */
                strbuf_addn(&sb, *k == ':' ? "\t" : k, 1);
            strbuf_add(&sb, "\t");
            escape(&sb, r->e.id);
            strbuf_add(&sb, "\t");
            escape(&sb, r->e.title);
            strbuf_add(&sb, "\t");
            escape(&sb, r->e.summary);
            strbuf_addf(&sb, "\t%d\t%d\t%d\t%d\t", r->e.minutes, r->e.difficulty,
                        r->e.practice ? 1 : 0, r->e.exam ? 1 : 0);
            for (size_t g = 0; g < r->e.goals.count; g++) {
                if (g)
                    strbuf_add(&sb, " ");
                escape(&sb, r->e.goals.items[g]);
            }
            strbuf_add(&sb, "\t");
            escape(&sb, r->e.error);
            strbuf_add(&sb, "\n");
        }
        char dir[4096], err[512];
        snprintf(dir, sizeof dir, "%s", c->path);
        char *slash = strrchr(dir, '/');
        if (slash) {
            *slash = '\0';
            file_make_dirs(dir, err, sizeof err);
        }
        file_replace(c->path, sb.data, sb.len, err, sizeof err); /* quietly: only a cache */
        strbuf_free(&sb);
    }
    drop_all(c);
    free(c->recs);
    free(c->path);
    free(c->stamp);
    free(c);
}
