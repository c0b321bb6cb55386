#include "grep_import.h"
#include "json_text.h"
#include "core/alloc.h"
#include "core/file.h"
#include "core/strbuf.h"

#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CODE_MAX 64

/* ---------------------------------------------------------------- helpers */


/* Line of the first "needle" (quotes included) at or after from; 0 if absent. */
static int line_of(const char *text, size_t from, const char *needle, size_t *found)
{
    if (!text || !needle)
        return 0;
    StrBuf q;
    strbuf_init(&q);
    strbuf_addf(&q, "\"%s\"", needle);
    const char *p = strstr(text + from, q.data);
    strbuf_free(&q);
    if (!p)
        return 0;
    if (found)
        *found = (size_t)(p - text);
    return json_line_at(text, (size_t)(p - text));
}

/* The file name without folders, for what is recorded in output files. */
static const char *base_name(const char *path)
{
    const char *slash = path ? strrchr(path, '/') : NULL;
    return slash ? slash + 1 : path;
}

static const cJSON *item(const cJSON *obj, const char *name)
{
    return cJSON_IsObject(obj) ? cJSON_GetObjectItemCaseSensitive(obj, name) : NULL;
}

static const char *string_item(const cJSON *obj, const char *name)
{
    const cJSON *v = item(obj, name);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}


/* Codes such as KM98, KV9, MAT1-05, aarstrinn10: identifier characters only. */
static int is_code(const char *s)
{
    return s && *s && strlen(s) <= CODE_MAX && text_is_identifier(s);
}



/* Strict JSON: one value, only whitespace after it. Skips a UTF-8 BOM. */
static cJSON *parse_json(const char *text, size_t len, const char *name, char *err,
                         size_t errsize)
{
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        len -= 3;
    }
    size_t i = 0;
    while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
        i++;
    if (i == len) {
        snprintf(err, errsize, "%s: filen er tom", name);
        return NULL;
    }
    if (json_check_text(text, len, name, err, errsize) != 0)
        return NULL;
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(text, len, &end, 0);
    if (!root) {
        size_t off = end && end >= text ? (size_t)(end - text) : 0;
        const char *at = cJSON_GetErrorPtr();
        if (at && at >= text && at <= text + len)
            off = (size_t)(at - text);
        if (json_ends_early(text, len))
            snprintf(err, errsize, "%s:%d: ikke gyldig JSON (filen slutter midt i)", name,
                     json_line_at(text, off));
        else
            snprintf(err, errsize, "%s:%d: ikke gyldig JSON", name, json_line_at(text, off));
        return NULL;
    }
    const char *rest = end ? end : text + len;
    while (rest < text + len && (*rest == ' ' || *rest == '\t' || *rest == '\n' || *rest == '\r'))
        rest++;
    if (rest < text + len) {
        snprintf(err, errsize, "%s:%d: ikke gyldig JSON (tekst etter slutten)", name,
                 json_line_at(text, (size_t)(rest - text)));
        cJSON_Delete(root);
        return NULL;
    }
    return root;
}

static int read_file(const char *path, char **text, size_t *len, char *err, size_t errsize)
{
    if (file_read_all(path, GREP_MAX_BYTES, text, len, err, errsize) != 0)
        return -1;
    if (*len == 0) {
        snprintf(err, errsize, "%s: filen er tom", path);
        free(*text);
        *text = NULL;
        return -1;
    }
    return 0;
}

/* ---------------------------------------------------------------- titles */

static void title_free(GrepTitle *t)
{
    for (size_t i = 0; i < t->count; i++) {
        free(t->items[i].lang);
        free(t->items[i].text);
    }
    free(t->items);
    t->items = NULL;
    t->count = 0;
}

static const char *title_get(const GrepTitle *t, const char *lang)
{
    for (size_t i = 0; t && i < t->count; i++)
        if (strcmp(t->items[i].lang, lang) == 0)
            return t->items[i].text;
    return NULL;
}

const char *grep_title_pick(const GrepTitle *t, const char *lang)
{
    const char *s = lang ? title_get(t, lang) : NULL;
    if (!s)
        s = title_get(t, "default");
    if (!s && t && t->count)
        s = t->items[0].text;
    return s;
}

static void title_add(GrepTitle *t, const char *lang, const char *text)
{
    if (title_get(t, lang))
        return; /* the first text of a language wins */
    t->items = sk_xrealloc(t->items, (t->count + 1) * sizeof *t->items);
    t->items[t->count].lang = sk_xstrdup(lang);
    t->items[t->count].text = sk_xstrdup(text);
    t->count++;
}

/* Grep texts: a plain string (kept as "default"), {"tekst": [{"spraak", "verdi"}]},
 * or the list itself. Older files write the language as an ISO 639 PSI
 * ("http://psi.oasis-open.org/iso/639/#nob") or under "noekkel". Returns NULL or
 * what is wrong. */
static const char *title_parse(const cJSON *v, GrepTitle *t)
{
    if (cJSON_IsString(v)) {
        if (!*v->valuestring)
            return "\"tittel\" er tom";
        title_add(t, "default", v->valuestring);
        return NULL;
    }
    const cJSON *list = v;
    if (cJSON_IsObject(v)) {
        list = item(v, "tekst");
        if (!list)
            return "\"tittel\" mangler \"tekst\"";
    }
    if (!cJSON_IsArray(list))
        return v && cJSON_IsObject(v) ? "\"tittel.tekst\" er ikke en liste"
                                      : "\"tittel\" mangler eller har feil type";
    const cJSON *e;
    cJSON_ArrayForEach(e, list) {
        if (!cJSON_IsObject(e))
            return "\"tittel.tekst\" har et element som ikke er et objekt";
        const cJSON *lang = item(e, "spraak");
        if (!lang)
            lang = item(e, "noekkel");
        const cJSON *text = item(e, "verdi");
        if (!cJSON_IsString(lang) || !cJSON_IsString(text))
            return "\"tittel.tekst\" har et element uten tekstene \"spraak\" og \"verdi\"";
        const char *code = lang->valuestring;
        const char *hash = strrchr(code, '#');
        if (hash)
            code = hash + 1;
        if (!is_code(code))
            return "\"tittel.tekst\" har et ugyldig \"spraak\"";
        if (*text->valuestring)
            title_add(t, code, text->valuestring);
    }
    if (t->count == 0)
        return "\"tittel\" har ingen tekst";
    return NULL;
}

/* Our own form, {"nob": ..., "eng": ...}, as written by title_json. */
static void title_from_langs(const cJSON *v, GrepTitle *t)
{
    const cJSON *l;
    if (cJSON_IsObject(v))
        cJSON_ArrayForEach(l, v) {
            if (cJSON_IsString(l) && l->string && is_code(l->string) && *l->valuestring)
                title_add(t, l->string, l->valuestring);
        }
}

static cJSON *title_json(const GrepTitle *t)
{
    cJSON *o = cJSON_CreateObject();
    for (size_t i = 0; i < t->count; i++)
        cJSON_AddStringToObject(o, t->items[i].lang, t->items[i].text);
    return o;
}

/* ---------------------------------------------------------------- objects */

static void ref_free(GrepRef *r)
{
    if (!r)
        return;
    free(r->code);
    free(r->uri);
    free(r->url_data);
    title_free(&r->title);
}

static void goal_free(GrepGoal *g)
{
    free(g->code);
    free(g->uri);
    free(g->url_data);
    free(g->set_code);
    title_free(&g->title);
}

void grep_free(GrepImport *g)
{
    if (!g)
        return;
    free(g->grep_type);
    free(g->status);
    ref_free(&g->self);
    if (g->curriculum) {
        ref_free(g->curriculum);
        free(g->curriculum);
    }
    for (size_t i = 0; i < g->subject_count; i++)
        ref_free(&g->subjects[i]);
    free(g->subjects);
    for (size_t i = 0; i < g->set_count; i++)
        ref_free(&g->sets[i].ref);
    free(g->sets);
    for (size_t i = 0; i < g->goal_count; i++)
        goal_free(&g->goals[i]);
    free(g->goals);
    free(g);
}

const char *grep_kind_name(GrepKind kind)
{
    switch (kind) {
    case GREP_GOAL_SET:
        return "kompetansemaalsett";
    case GREP_CURRICULUM:
        return "laereplan";
    case GREP_GOAL:
        return "kompetansemaal";
    }
    return "?";
}

static const char *kind_label(GrepKind kind)
{
    switch (kind) {
    case GREP_GOAL_SET:
        return "kompetansemålsett";
    case GREP_CURRICULUM:
        return "læreplan";
    case GREP_GOAL:
        return "kompetansemål";
    }
    return "?";
}

const GrepGoal *grep_find_goal(const GrepImport *g, const char *code)
{
    for (size_t i = 0; g && code && i < g->goal_count; i++)
        if (strcmp(g->goals[i].code, code) == 0)
            return &g->goals[i];
    return NULL;
}

/* Where an error is: the parse context for messages. */
typedef struct Ctx {
    const char *text, *name;
    char *err;
    size_t errsize;
} Ctx;

/* "name[:line]: what (code): problem", the line found from the code if possible. */
static void ctx_error(const Ctx *cx, const char *code, const char *what, const char *problem)
{
    int line = code && *code ? line_of(cx->text, 0, code, NULL) : 0;
    char where[32] = "";
    if (line > 0)
        snprintf(where, sizeof where, ":%d", line);
    if (code && *code)
        snprintf(cx->err, cx->errsize, "%s%s: %s %s: %s", cx->name, where, what, code, problem);
    else
        snprintf(cx->err, cx->errsize, "%s%s: %s: %s", cx->name, where, what, problem);
}

/* A Grep object or reference: "kode", "uri", optional "url-data", "tittel". */
static int ref_parse(const Ctx *cx, const cJSON *o, GrepRef *r, const char *what)
{
    memset(r, 0, sizeof *r);
    if (!cJSON_IsObject(o)) {
        char problem[96];
        snprintf(problem, sizeof problem, "skulle vært et objekt, er %s", json_type_name(o));
        ctx_error(cx, NULL, what, problem);
        return -1;
    }
    const cJSON *code = item(o, "kode"), *uri = item(o, "uri"), *url = item(o, "url-data");
    if (!cJSON_IsString(code) || !is_code(code->valuestring)) {
        ctx_error(cx, NULL, what,
                  code ? "\"kode\" er ikke en gyldig kode (tekst som KM98)" : "\"kode\" mangler");
        return -1;
    }
    if (!cJSON_IsString(uri) || !*uri->valuestring) {
        ctx_error(cx, code->valuestring, what,
                  uri ? "\"uri\" er ikke en tekst" : "\"uri\" mangler");
        return -1;
    }
    if (url && !cJSON_IsString(url) && !cJSON_IsNull(url)) {
        ctx_error(cx, code->valuestring, what, "\"url-data\" er ikke en tekst");
        return -1;
    }
    const char *problem = title_parse(item(o, "tittel"), &r->title);
    if (problem) {
        ctx_error(cx, code->valuestring, what, problem);
        title_free(&r->title);
        return -1;
    }
    r->code = sk_xstrdup(code->valuestring);
    r->uri = sk_xstrdup(uri->valuestring);
    r->url_data = sk_xstrdup(cJSON_IsString(url) ? url->valuestring : NULL);
    return 0;
}

/* Informative references (the curriculum, subjects): kept if well-formed. */
static GrepRef *ref_optional(const cJSON *o)
{
    char err[256];
    Ctx cx = {NULL, "", err, sizeof err};
    GrepRef r;
    if (!cJSON_IsObject(o) || ref_parse(&cx, o, &r, "") != 0)
        return NULL;
    GrepRef *out = sk_xmalloc(sizeof *out);
    *out = r;
    return out;
}

static int goal_add(const Ctx *cx, GrepImport *g, const cJSON *o, const char *set_code,
                    const char *what)
{
    GrepRef r;
    if (ref_parse(cx, o, &r, what) != 0)
        return -1;
    if (grep_find_goal(g, r.code)) { /* the same goal twice: keep the first */
        ref_free(&r);
        return 0;
    }
    g->goals = sk_xrealloc(g->goals, (g->goal_count + 1) * sizeof *g->goals);
    GrepGoal *goal = &g->goals[g->goal_count++];
    goal->code = r.code;
    goal->uri = r.uri;
    goal->url_data = r.url_data;
    goal->title = r.title;
    goal->set_code = sk_xstrdup(set_code);
    return 0;
}

/* A list of goals ("kompetansemaal": [...]) belonging to set_code. */
static int goals_parse(const Ctx *cx, GrepImport *g, const cJSON *list, const char *set_code)
{
    size_t n = 0;
    const cJSON *e;
    cJSON_ArrayForEach(e, list) {
        char what[64];
        snprintf(what, sizeof what, "kompetansemål nr. %zu", ++n);
        if (goal_add(cx, g, e, set_code, what) != 0)
            return -1;
    }
    return 0;
}

static void set_add(GrepImport *g, const GrepRef *r, size_t inline_goals)
{
    g->sets = sk_xrealloc(g->sets, (g->set_count + 1) * sizeof *g->sets);
    g->sets[g->set_count].ref = *r;
    g->sets[g->set_count].inline_goals = inline_goals;
    g->set_count++;
}

/* The kind from "grep-type" (its last segment, without "_lk20"), else from the
 * shape. Returns 0 with *kind, or -1 with a message. */
static int detect_kind(const Ctx *cx, const cJSON *root, GrepKind *kind)
{
    const char *code = string_item(root, "kode");
    const cJSON *gt = item(root, "grep-type");
    if (gt && !cJSON_IsString(gt)) {
        snprintf(cx->err, cx->errsize, "%s: \"grep-type\" skulle vært en tekst, er %s", cx->name,
                 json_type_name(gt));
        return -1;
    }
    if (gt) {
        const char *seg = strrchr(gt->valuestring, '/');
        seg = seg ? seg + 1 : gt->valuestring;
        char type[80];
        snprintf(type, sizeof type, "%s", seg);
        size_t n = strlen(type);
        if (n > 5 && strcmp(type + n - 5, "_lk20") == 0)
            type[n - 5] = '\0';
        if (strcmp(type, "kompetansemaalsett") == 0) {
            *kind = GREP_GOAL_SET;
            return 0;
        }
        if (strcmp(type, "laereplan") == 0) {
            *kind = GREP_CURRICULUM;
            return 0;
        }
        if (strcmp(type, "kompetansemaal") == 0) {
            *kind = GREP_GOAL;
            return 0;
        }
        snprintf(cx->err, cx->errsize,
                 "%s: %s%sGrep-objektet er et %s (grep-type %.100s), ikke et kompetansemålsett "
                 "eller en læreplan; last ned kompetansemålsettet (kompetansemaalsett-lk20) "
                 "eller læreplanen (laereplaner-lk20)",
                 cx->name, code && is_code(code) ? code : "", code && is_code(code) ? ": " : "",
                 *type ? type : "ukjent objekt", gt->valuestring);
        return -1;
    }
    if (cJSON_IsArray(item(root, "kompetansemaal"))) {
        *kind = GREP_GOAL_SET;
        return 0;
    }
    if (cJSON_IsObject(item(root, "kompetansemaal-kapittel"))) {
        *kind = GREP_CURRICULUM;
        return 0;
    }
    if (code && string_item(root, "uri"))
        snprintf(cx->err, cx->errsize,
                 "%s: Grep-objekt uten \"grep-type\" og uten \"kompetansemaal\": ikke et "
                 "kompetansemålsett eller en læreplan", cx->name);
    else
        snprintf(cx->err, cx->errsize,
                 "%s: ikke Grep-JSON fra Udir (mangler \"grep-type\", \"kode\" og \"uri\")",
                 cx->name);
    return -1;
}

static GrepImport *grep_from_json(const Ctx *cx, const cJSON *root)
{
    if (!cJSON_IsObject(root)) {
        snprintf(cx->err, cx->errsize,
                 "%s: ikke Grep-JSON: ventet ett objekt { ... }, fant %s%s", cx->name,
                 json_type_name(root),
                 cJSON_IsArray(root) ? " (last ned ett kompetansemålsett eller én læreplan, "
                                       "ikke en hel liste)" : "");
        return NULL;
    }
    const char *format = string_item(root, "format");
    if (format && strncmp(format, "skranken-", 9) == 0) {
        snprintf(cx->err, cx->errsize, "%s: er en Skranken-fil (\"format\": \"%.40s\"), ikke "
                 "Grep-JSON fra Udir", cx->name, format);
        return NULL;
    }
    GrepKind kind;
    if (detect_kind(cx, root, &kind) != 0)
        return NULL;
    GrepImport *g = sk_xcalloc(1, sizeof *g);
    g->kind = kind;
    g->grep_type = sk_xstrdup(string_item(root, "grep-type"));
    g->status = sk_xstrdup(string_item(root, "status"));
    if (ref_parse(cx, root, &g->self, kind_label(kind)) != 0)
        goto fail;
    g->curriculum = ref_optional(item(root, "tilhoerer-laereplan"));

    if (kind == GREP_GOAL_SET) {
        const cJSON *list = item(root, "kompetansemaal");
        if (!list) {
            ctx_error(cx, g->self.code, "kompetansemålsett", "\"kompetansemaal\" mangler");
            goto fail;
        }
        if (!cJSON_IsArray(list)) {
            char problem[96];
            snprintf(problem, sizeof problem, "\"kompetansemaal\" skulle vært en liste, er %s",
                     json_type_name(list));
            ctx_error(cx, g->self.code, "kompetansemålsett", problem);
            goto fail;
        }
        if (goals_parse(cx, g, list, g->self.code) != 0)
            goto fail;
        if (g->goal_count == 0) {
            ctx_error(cx, g->self.code, "kompetansemålsett", "har ingen kompetansemål");
            goto fail;
        }
        const cJSON *subjects = item(root, "etter-fag"), *e;
        if (cJSON_IsArray(subjects))
            cJSON_ArrayForEach(e, subjects) {
                GrepRef *r = ref_optional(e);
                if (!r)
                    continue;
                g->subjects = sk_xrealloc(g->subjects, (g->subject_count + 1) * sizeof *r);
                g->subjects[g->subject_count++] = *r;
                free(r);
            }
    } else if (kind == GREP_CURRICULUM) {
        const cJSON *chapter = item(root, "kompetansemaal-kapittel");
        if (!cJSON_IsObject(chapter)) {
            ctx_error(cx, g->self.code, "læreplan",
                      chapter ? "\"kompetansemaal-kapittel\" er ikke et objekt"
                              : "\"kompetansemaal-kapittel\" mangler");
            goto fail;
        }
        const cJSON *sets = item(chapter, "kompetansemaalsett");
        if (!cJSON_IsArray(sets)) {
            ctx_error(cx, g->self.code, "læreplan",
                      sets ? "\"kompetansemaal-kapittel.kompetansemaalsett\" er ikke en liste"
                           : "\"kompetansemaal-kapittel.kompetansemaalsett\" mangler");
            goto fail;
        }
        size_t n = 0;
        const cJSON *e;
        cJSON_ArrayForEach(e, sets) {
            char what[64];
            snprintf(what, sizeof what, "kompetansemålsett nr. %zu", ++n);
            GrepRef r;
            if (ref_parse(cx, e, &r, what) != 0)
                goto fail;
            size_t before = g->goal_count;
            const cJSON *inl = item(e, "kompetansemaal");
            if (inl && !cJSON_IsArray(inl)) {
                ctx_error(cx, r.code, "kompetansemålsett", "\"kompetansemaal\" er ikke en liste");
                ref_free(&r);
                goto fail;
            }
            if (inl && goals_parse(cx, g, inl, r.code) != 0) {
                ref_free(&r);
                goto fail;
            }
            set_add(g, &r, g->goal_count - before);
        }
        if (g->set_count == 0) {
            ctx_error(cx, g->self.code, "læreplan", "nevner ingen kompetansemålsett");
            goto fail;
        }
    } else { /* one goal */
        if (goal_add(cx, g, root, NULL, "kompetansemål") != 0)
            goto fail;
        const cJSON *set = item(root, "tilhoerer-kompetansemaalsett");
        if (cJSON_IsArray(set))
            set = cJSON_GetArrayItem(set, 0);
        GrepRef *r = ref_optional(set);
        if (r) {
            g->goals[0].set_code = sk_xstrdup(r->code);
            set_add(g, r, 1);
            free(r);
        }
    }
    return g;
fail:
    grep_free(g);
    return NULL;
}

GrepImport *grep_parse(const char *text, size_t len, const char *name, char *err,
                       size_t errsize)
{
    cJSON *root = parse_json(text, len, name, err, errsize);
    if (!root)
        return NULL;
    Ctx cx = {text, name, err, errsize};
    GrepImport *g = grep_from_json(&cx, root);
    cJSON_Delete(root);
    return g;
}

/* A catalog written by grep_render_catalog, read back. */
static GrepImport *official_from_catalog(const Ctx *cx, const cJSON *root)
{
    const cJSON *src = item(root, "source");
    const char *kind = string_item(src, "kind");
    GrepImport *g = sk_xcalloc(1, sizeof *g);
    g->kind = kind && strcmp(kind, "laereplan") == 0        ? GREP_CURRICULUM
              : kind && strcmp(kind, "kompetansemaal") == 0 ? GREP_GOAL
                                                            : GREP_GOAL_SET;
    g->grep_type = sk_xstrdup(string_item(src, "grep_type"));
    g->status = sk_xstrdup(string_item(src, "status"));
    const char *code = string_item(src, "code"), *uri = string_item(src, "uri");
    g->self.code = sk_xstrdup(code ? code : string_item(root, "id"));
    g->self.uri = sk_xstrdup(uri ? uri : "");
    g->self.url_data = sk_xstrdup(string_item(src, "url_data"));
    title_from_langs(item(src, "title"), &g->self.title);
    if (!g->self.title.count) {
        const char *t = string_item(root, "title");
        title_add(&g->self.title, "default", t && *t ? t : g->self.code ? g->self.code : "?");
    }
    if (!g->self.code) {
        snprintf(cx->err, cx->errsize, "%s: den offisielle katalogen mangler \"id\"", cx->name);
        goto fail;
    }
    const cJSON *goals = item(root, "goals"), *e;
    if (!cJSON_IsArray(goals)) {
        snprintf(cx->err, cx->errsize, "%s: \"goals\" mangler eller er ikke en liste", cx->name);
        goto fail;
    }
    size_t n = 0;
    cJSON_ArrayForEach(e, goals) {
        n++;
        const char *gc = string_item(e, "code"), *gu = string_item(e, "uri");
        GrepTitle t = {0};
        const cJSON *tv = item(e, "title");
        const char *problem = NULL;
        if (cJSON_IsObject(tv)) {
            title_from_langs(tv, &t);
            if (!t.count)
                problem = "\"title\" har ingen tekst";
        } else {
            problem = title_parse(tv, &t);
        }
        if (!is_code(gc) || !gu || problem) {
            snprintf(cx->err, cx->errsize, "%s: mål nr. %zu mangler gyldig \"code\", \"uri\" "
                     "eller \"title\"", cx->name, n);
            title_free(&t);
            goto fail;
        }
        if (grep_find_goal(g, gc)) {
            title_free(&t);
            continue;
        }
        g->goals = sk_xrealloc(g->goals, (g->goal_count + 1) * sizeof *g->goals);
        GrepGoal *goal = &g->goals[g->goal_count++];
        goal->code = sk_xstrdup(gc);
        goal->uri = sk_xstrdup(gu);
        goal->url_data = sk_xstrdup(string_item(e, "url_data"));
        goal->set_code = sk_xstrdup(string_item(e, "set"));
        goal->title = t;
    }
    return g;
fail:
    grep_free(g);
    return NULL;
}

/* Grep JSON or an official catalog, from text. */
static GrepImport *official_parse(const char *text, size_t len, const char *name, char *err,
                                  size_t errsize)
{
    cJSON *root = parse_json(text, len, name, err, errsize);
    if (!root)
        return NULL;
    Ctx cx = {text, name, err, errsize};
    GrepImport *g;
    const char *format = string_item(root, "format");
    const char *kind = string_item(root, "kind");
    if (format && strcmp(format, "skranken-catalog") == 0 && kind &&
        strcmp(kind, "official") == 0)
        g = official_from_catalog(&cx, root);
    else if (format && strcmp(format, "skranken-catalog") == 0) {
        snprintf(err, errsize, "%s: er vår egen arbeidskatalog, ikke en offisiell fil (Grep-JSON "
                 "fra Udir eller en katalog skrevet av «skranken catalog import»)", name);
        g = NULL;
    } else
        g = grep_from_json(&cx, root);
    cJSON_Delete(root);
    return g;
}

GrepImport *grep_load(const char *path, char *err, size_t errsize)
{
    char *text = NULL;
    size_t len = 0;
    if (read_file(path, &text, &len, err, errsize) != 0)
        return NULL;
    GrepImport *g = official_parse(text, len, path, err, errsize);
    free(text);
    return g;
}

/* ---------------------------------------------------------------- output */

static void add_string(cJSON *o, const char *name, const char *value)
{
    if (value)
        cJSON_AddStringToObject(o, name, value);
}

static cJSON *ref_json(const GrepRef *r)
{
    cJSON *o = cJSON_CreateObject();
    add_string(o, "code", r->code);
    add_string(o, "uri", r->uri);
    add_string(o, "url_data", r->url_data);
    cJSON_AddItemToObject(o, "title", title_json(&r->title));
    return o;
}

/* Sets whose goals are not in the file. */
static size_t sets_without_goals(const GrepImport *g)
{
    size_t n = 0;
    for (size_t i = 0; i < g->set_count; i++)
        n += g->sets[i].inline_goals == 0;
    return g->kind == GREP_CURRICULUM ? n : 0;
}

char *grep_render_catalog(const GrepImport *g, const char *source_name)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "format", "skranken-catalog");
    cJSON_AddNumberToObject(root, "format_version", 1);
    cJSON_AddStringToObject(root, "kind", "official");
    cJSON_AddStringToObject(root, "id", g->self.code);
    add_string(root, "title", grep_title_pick(&g->self.title, "nob"));
    cJSON_AddBoolToObject(root, "working_paraphrase", 0);
    cJSON_AddStringToObject(root, "notice",
                            "Offisielle kompetansemål fra Utdanningsdirektoratets læreplandatabase "
                            "Grep (data.udir.no, lisens NLOD), med kodene, URI-ene og titlene "
                            "slik de står der.");
    cJSON *src = cJSON_AddObjectToObject(root, "source");
    add_string(src, "file", base_name(source_name));
    cJSON_AddStringToObject(src, "kind", grep_kind_name(g->kind));
    add_string(src, "grep_type", g->grep_type);
    add_string(src, "code", g->self.code);
    add_string(src, "uri", g->self.uri);
    add_string(src, "url_data", g->self.url_data);
    add_string(src, "status", g->status);
    cJSON_AddItemToObject(src, "title", title_json(&g->self.title));
    if (g->curriculum)
        cJSON_AddItemToObject(src, "curriculum", ref_json(g->curriculum));
    if (g->subject_count) {
        cJSON *subjects = cJSON_AddArrayToObject(src, "subjects");
        for (size_t i = 0; i < g->subject_count; i++)
            cJSON_AddItemToArray(subjects, ref_json(&g->subjects[i]));
    }
    if (g->kind != GREP_GOAL_SET) {
        cJSON *sets = cJSON_AddArrayToObject(root, "goal_sets");
        for (size_t i = 0; i < g->set_count; i++) {
            cJSON *s = ref_json(&g->sets[i].ref);
            cJSON_AddNumberToObject(s, "goals_in_file", (double)g->sets[i].inline_goals);
            cJSON_AddItemToArray(sets, s);
        }
    }
    cJSON *goals = cJSON_AddArrayToObject(root, "goals");
    for (size_t i = 0; i < g->goal_count; i++) {
        const GrepGoal *gg = &g->goals[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", gg->code);
        cJSON_AddStringToObject(o, "code", gg->code);
        cJSON_AddStringToObject(o, "uri", gg->uri);
        add_string(o, "url_data", gg->url_data);
        cJSON_AddItemToObject(o, "title", title_json(&gg->title));
        add_string(o, "set", gg->set_code);
        cJSON_AddBoolToObject(o, "working_paraphrase", 0);
        cJSON_AddItemToArray(goals, o);
    }
    size_t missing = sets_without_goals(g);
    if (missing) {
        StrBuf note;
        strbuf_init(&note);
        strbuf_addf(&note,
                    "Læreplanen viser bare til %s med URI; målene i %s står ikke i denne filen. "
                    "Last ned hvert sett fra data.udir.no (url_data under goal_sets) og importer "
                    "det for seg med «skranken catalog import SETT.json».",
                    missing == 1 ? "kompetansemålsettet" : "kompetansemålsettene",
                    missing == 1 ? "det" : "dem");
        cJSON_AddStringToObject(root, "note", note.data);
        strbuf_free(&note);
    }
    char *out = json_print_text(root);
    cJSON_Delete(root);
    return out;
}

/* At most max bytes of s, cut at a character boundary, with "…" if cut. */
static void add_short(StrBuf *sb, const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n <= max) {
        strbuf_add(sb, s);
        return;
    }
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
        max--;
    strbuf_addn(sb, s, max);
    strbuf_add(sb, "…");
}

static void add_codes(StrBuf *sb, const GrepImport *g)
{
    const size_t show = 30;
    for (size_t i = 0; i < g->goal_count && i < show; i++)
        strbuf_addf(sb, "%s%s", i ? ", " : "", g->goals[i].code);
    if (g->goal_count > show)
        strbuf_addf(sb, ", … (%zu til)", g->goal_count - show);
}

char *grep_summary(const GrepImport *g)
{
    StrBuf sb;
    strbuf_init(&sb);
    strbuf_addf(&sb, "%s %s «", kind_label(g->kind), g->self.code);
    add_short(&sb, grep_title_pick(&g->self.title, "nob"), 60);
    strbuf_add(&sb, "»");
    if (g->kind == GREP_CURRICULUM) {
        strbuf_addf(&sb, ": %zu kompetansemålsett (", g->set_count);
        for (size_t i = 0; i < g->set_count; i++)
            strbuf_addf(&sb, "%s%s", i ? ", " : "", g->sets[i].ref.code);
        strbuf_addf(&sb, "), %zu mål i filen", g->goal_count);
    } else {
        strbuf_addf(&sb, ": %zu mål", g->goal_count);
    }
    if (g->goal_count) {
        strbuf_add(&sb, " (");
        add_codes(&sb, g);
        strbuf_add(&sb, ")");
    }
    /* every language present, in order of first appearance */
    StrList langs = {0};
    for (size_t i = 0; i < g->self.title.count; i++)
        if (strlist_index(&langs, g->self.title.items[i].lang) < 0)
            strlist_push(&langs, g->self.title.items[i].lang);
    for (size_t k = 0; k < g->goal_count; k++)
        for (size_t i = 0; i < g->goals[k].title.count; i++)
            if (strlist_index(&langs, g->goals[k].title.items[i].lang) < 0)
                strlist_push(&langs, g->goals[k].title.items[i].lang);
    strbuf_add(&sb, "; språk: ");
    for (size_t i = 0; i < langs.count; i++)
        strbuf_addf(&sb, "%s%s", i ? ", " : "", langs.items[i]);
    strlist_free(&langs);
    if (sets_without_goals(g))
        strbuf_add(&sb, " – settene er bare nevnt med URI: last ned og importer hvert sett "
                        "for seg (se \"note\")");
    return sb.data;
}

/* ---------------------------------------------------------------- mapping */

void mapping_free(Mapping *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->count; i++) {
        for (size_t k = 0; k < m->entries[i].code_count; k++)
            free(m->entries[i].codes[k]);
        free(m->entries[i].codes);
        free(m->entries[i].goal_id);
    }
    free(m->entries);
    free(m->official_catalog);
    free(m->name);
    free(m);
}

static void where(char *buf, size_t size, const char *name, int line)
{
    if (line > 0)
        snprintf(buf, size, "%s:%d", name, line);
    else
        snprintf(buf, size, "%s", name);
}

Mapping *mapping_parse(const char *text, size_t len, const char *name, char *err,
                       size_t errsize)
{
    cJSON *root = parse_json(text, len, name, err, errsize);
    if (!root)
        return NULL;
    Mapping *m = NULL;
    char at[600];
    if (!cJSON_IsObject(root)) {
        snprintf(err, errsize, "%s: ikke en Skranken-mapping (ventet et objekt, fant %s)", name,
                 json_type_name(root));
        goto fail;
    }
    const char *format = string_item(root, "format");
    if (!format || strcmp(format, "skranken-mapping") != 0) {
        snprintf(err, errsize, "%s: ikke en Skranken-mapping (\"format\": \"skranken-mapping\" "
                 "mangler)", name);
        goto fail;
    }
    const cJSON *version = item(root, "format_version");
    if (!cJSON_IsNumber(version) || version->valuedouble != 1.0) {
        snprintf(err, errsize, "%s: ukjent format_version (denne versjonen leser 1)", name);
        goto fail;
    }
    const cJSON *official = item(root, "official_catalog");
    if (official && (!cJSON_IsString(official) || !*official->valuestring)) {
        where(at, sizeof at, name, line_of(text, 0, "official_catalog", NULL));
        snprintf(err, errsize, "%s: \"official_catalog\" skal være et filnavn (tekst)", at);
        goto fail;
    }
    const cJSON *map = item(root, "map");
    size_t map_off = 0;
    int map_line = line_of(text, 0, "map", &map_off);
    if (!cJSON_IsObject(map) || cJSON_GetArraySize(map) == 0) {
        where(at, sizeof at, name, map_line);
        snprintf(err, errsize, "%s: \"map\" %s", at,
                 !map ? "mangler" : cJSON_IsObject(map) ? "er tom"
                                                         : "skal være et objekt {\"arbeidsmål\": "
                                                           "[\"KM…\"]}");
        goto fail;
    }
    m = sk_xcalloc(1, sizeof *m);
    m->name = sk_xstrdup(name);
    m->official_catalog = sk_xstrdup(cJSON_IsString(official) ? official->valuestring : NULL);
    size_t n = (size_t)cJSON_GetArraySize(map);
    m->entries = sk_xcalloc(n, sizeof *m->entries);
    const cJSON *e;
    size_t search_from = map_off;
    cJSON_ArrayForEach(e, map) {
        const char *id = e->string;
        size_t id_off = search_from;
        int line = line_of(text, search_from, id, &id_off);
        if (line > 0)
            search_from = id_off + 1;
        where(at, sizeof at, name, line);
        if (!id || !*id || strlen(id) > 64 || !text_is_identifier(id)) {
            snprintf(err, errsize, "%s: \"map\": «%.64s» er ikke en gyldig mål-id", at,
                     id ? id : "");
            goto fail;
        }
        for (size_t i = 0; i < m->count; i++)
            if (strcmp(m->entries[i].goal_id, id) == 0) {
                snprintf(err, errsize, "%s: \"map\": «%s» står to ganger", at, id);
                goto fail;
            }
        if (!cJSON_IsArray(e) || cJSON_GetArraySize(e) == 0) {
            snprintf(err, errsize, "%s: \"map\": «%s» skal ha en liste med minst én kode, "
                     "f.eks. [\"KM1234\"]", at, id);
            goto fail;
        }
        MappingEntry *me = &m->entries[m->count++];
        me->goal_id = sk_xstrdup(id);
        me->line = line;
        size_t k = (size_t)cJSON_GetArraySize(e);
        me->codes = sk_xcalloc(k, sizeof *me->codes);
        const cJSON *c;
        cJSON_ArrayForEach(c, e) {
            if (!cJSON_IsString(c) || !is_code(c->valuestring)) {
                snprintf(err, errsize, "%s: \"map\": «%s»: hver kode skal være en tekst som "
                         "\"KM1234\", ikke %s", at, id,
                         cJSON_IsString(c) ? "en tom eller ugyldig tekst" : json_type_name(c));
                goto fail;
            }
            for (size_t i = 0; i < me->code_count; i++)
                if (strcmp(me->codes[i], c->valuestring) == 0) {
                    snprintf(err, errsize, "%s: \"map\": «%s»: koden «%s» står to ganger", at,
                             id, c->valuestring);
                    goto fail;
                }
            me->codes[me->code_count++] = sk_xstrdup(c->valuestring);
        }
    }
    cJSON_Delete(root);
    return m;
fail:
    mapping_free(m);
    cJSON_Delete(root);
    return NULL;
}

Mapping *mapping_load(const char *path, char *err, size_t errsize)
{
    char *text = NULL;
    size_t len = 0;
    if (read_file(path, &text, &len, err, errsize) != 0)
        return NULL;
    Mapping *m = mapping_parse(text, len, path, err, errsize);
    free(text);
    return m;
}

char *mapping_official_path(const Mapping *m, char *err, size_t errsize)
{
    if (!m->official_catalog) {
        snprintf(err, errsize, "%s: \"official_catalog\" mangler (filen med de offisielle "
                 "kompetansemålene)", m->name);
        return NULL;
    }
    const char *slash = strrchr(m->name, '/');
    if (m->official_catalog[0] == '/' || !slash)
        return sk_xstrdup(m->official_catalog);
    StrBuf sb;
    strbuf_init(&sb);
    strbuf_addn(&sb, m->name, (size_t)(slash - m->name) + 1);
    strbuf_add(&sb, m->official_catalog);
    return sb.data;
}

int mapping_check(const Mapping *m, const Catalog *working, const char *working_name,
                  const GrepImport *official, const char *official_name, char *err,
                  size_t errsize)
{
    char at[600];
    if (official->goal_count == 0) {
        snprintf(err, errsize, "%s: har ingen kompetansemål å koble til (en læreplan som bare "
                 "viser til settene sine); importer kompetansemålsettet og bruk det", official_name);
        return -1;
    }
    for (size_t i = 0; i < m->count; i++) {
        const MappingEntry *e = &m->entries[i];
        where(at, sizeof at, m->name, e->line);
        if (!catalog_find(working, e->goal_id)) {
            snprintf(err, errsize, "%s: \"map\": ukjent arbeidsmål «%s» (finnes ikke i %s)", at,
                     e->goal_id, working_name);
            return -1;
        }
        for (size_t k = 0; k < e->code_count; k++)
            if (!grep_find_goal(official, e->codes[k])) {
                StrBuf codes;
                strbuf_init(&codes);
                add_codes(&codes, official);
                snprintf(err, errsize, "%s: \"map\": «%s»: koden «%s» finnes ikke i %s (der "
                         "finnes: %s)", at, e->goal_id, e->codes[k], official_name, codes.data);
                strbuf_free(&codes);
                return -1;
            }
    }
    return 0;
}

static const MappingEntry *mapping_find(const Mapping *m, const char *id)
{
    for (size_t i = 0; i < m->count; i++)
        if (strcmp(m->entries[i].goal_id, id) == 0)
            return &m->entries[i];
    return NULL;
}

int mapping_apply(const Mapping *m, Catalog *working, const char *working_name,
                  const GrepImport *official, const char *official_name, char *err,
                  size_t errsize)
{
    if (mapping_check(m, working, working_name, official, official_name, err, errsize) != 0)
        return -1;
    for (size_t i = 0; i < working->goal_count; i++) {
        CatalogGoal *cg = &working->goals[i];
        free(cg->official_code);
        free(cg->official_uri);
        free(cg->official_title);
        cg->official_code = cg->official_uri = cg->official_title = NULL;
        const MappingEntry *e = mapping_find(m, cg->id);
        if (!e)
            continue;
        const GrepGoal *gg = grep_find_goal(official, e->codes[0]);
        cg->official_code = sk_xstrdup(gg->code);
        cg->official_uri = sk_xstrdup(gg->uri);
        cg->official_title = sk_xstrdup(grep_title_pick(&gg->title, "nob"));
    }
    return 0;
}

static cJSON *official_json(const GrepGoal *gg)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "code", gg->code);
    cJSON_AddStringToObject(o, "uri", gg->uri);
    cJSON_AddItemToObject(o, "title", title_json(&gg->title));
    return o;
}

char *mapping_render_catalog(const Mapping *m, const char *working_text, size_t working_len,
                             const char *working_name, const GrepImport *official,
                             const char *official_name, char *err, size_t errsize)
{
    Catalog *c = catalog_parse(working_text, working_len, working_name, err, errsize);
    if (!c)
        return NULL;
    int bad = mapping_check(m, c, working_name, official, official_name, err, errsize);
    catalog_free(c);
    if (bad)
        return NULL;
    cJSON *root = cJSON_ParseWithLength(working_text, working_len);
    if (!root) { /* catalog_parse read it, so this is only out of memory */
        snprintf(err, errsize, "%s: kunne ikke leses på nytt", working_name);
        return NULL;
    }
    cJSON *goal;
    cJSON_ArrayForEach(goal, cJSON_GetObjectItemCaseSensitive(root, "goals")) {
        cJSON_DeleteItemFromObjectCaseSensitive(goal, "official");
        cJSON_DeleteItemFromObjectCaseSensitive(goal, "official_all");
        const MappingEntry *e = mapping_find(m, string_item(goal, "id"));
        if (!e)
            continue;
        cJSON_AddItemToObject(goal, "official",
                              official_json(grep_find_goal(official, e->codes[0])));
        cJSON *all = cJSON_AddArrayToObject(goal, "official_all");
        for (size_t k = 0; k < e->code_count; k++)
            cJSON_AddItemToArray(all, official_json(grep_find_goal(official, e->codes[k])));
    }
    cJSON_DeleteItemFromObjectCaseSensitive(root, "official_source");
    cJSON *src = cJSON_AddObjectToObject(root, "official_source");
    add_string(src, "file", base_name(official_name));
    add_string(src, "mapping", base_name(m->name));
    cJSON_AddStringToObject(src, "kind", grep_kind_name(official->kind));
    add_string(src, "code", official->self.code);
    add_string(src, "uri", official->self.uri);
    cJSON_AddItemToObject(src, "title", title_json(&official->self.title));
    char *out = json_print_text(root);
    cJSON_Delete(root);
    return out;
}

/* ---------------------------------------------------------------- the import */

/* The file's own "format" and "kind" (for telling Grep from our catalogs). */
static void peek_format(const cJSON *root, const char **format, const char **kind)
{
    *format = string_item(root, "format");
    *kind = string_item(root, "kind");
}

static void add_mapped_summary(StrBuf *sb, const Mapping *m, const Catalog *working,
                               const char *working_name, const char *official_name)
{
    StrList codes = {0};
    for (size_t i = 0; i < m->count; i++)
        for (size_t k = 0; k < m->entries[i].code_count; k++)
            if (strlist_index(&codes, m->entries[i].codes[k]) < 0)
                strlist_push(&codes, m->entries[i].codes[k]);
    strbuf_addf(sb, "%s + %s: %zu av %zu arbeidsmål koblet til %zu offisielle mål (",
                base_name(working_name), base_name(m->name), m->count, working->goal_count,
                codes.count);
    for (size_t i = 0; i < codes.count && i < 30; i++)
        strbuf_addf(sb, "%s%s", i ? ", " : "", codes.items[i]);
    if (codes.count > 30)
        strbuf_addf(sb, ", … (%zu til)", codes.count - 30);
    strbuf_addf(sb, ") fra %s", base_name(official_name));
    strlist_free(&codes);
}

int catalog_import(const CatalogImportJob *job, char **output, char **summary, char *err,
                   size_t errsize)
{
    *output = *summary = NULL;
    int rc = -1;
    char *text = NULL, *working_text = NULL, *official_path = NULL;
    size_t len = 0, working_len = 0;
    cJSON *root = NULL;
    GrepImport *official = NULL;
    Mapping *m = NULL;
    Catalog *working = NULL;
    const char *working_name = NULL, *official_name = NULL;

    if (read_file(job->file, &text, &len, err, errsize) != 0)
        goto done;
    root = parse_json(text, len, job->file, err, errsize);
    if (!root)
        goto done;
    const char *format, *kind;
    peek_format(root, &format, &kind);
    int is_catalog = cJSON_IsObject(root) && format && strcmp(format, "skranken-catalog") == 0;
    int is_official = is_catalog && kind && strcmp(kind, "official") == 0;
    Ctx cx = {text, job->file, err, errsize};

    if (is_catalog && !is_official) {
        if (!job->map) {
            snprintf(err, errsize, "%s: er en Skranken-katalog med arbeidsmål; gi --map "
                     "MAPPING.json for å fylle inn de offisielle kodene, eller importer "
                     "Grep-JSON fra Udir", job->file);
            goto done;
        }
        if (job->catalog) {
            snprintf(err, errsize, "%s: er selv arbeidskatalogen; --catalog kan ikke brukes i "
                     "tillegg", job->file);
            goto done;
        }
        working_text = text;
        working_len = len;
        text = NULL;
        working_name = job->file;
    } else {
        official = is_official ? official_from_catalog(&cx, root) : grep_from_json(&cx, root);
        if (!official)
            goto done;
        official_name = job->file;
        if (!job->map) {
            if (is_official) {
                snprintf(err, errsize, "%s: er allerede en importert offisiell katalog; bruk "
                         "den som \"official_catalog\" i en mapping", job->file);
                goto done;
            }
            *output = grep_render_catalog(official, job->file);
            StrBuf sb;
            strbuf_init(&sb);
            char *line = grep_summary(official);
            strbuf_addf(&sb, "%s: %s", base_name(job->file), line);
            free(line);
            *summary = sb.data;
            rc = 0;
            goto done;
        }
        working_name = job->catalog ? job->catalog : job->default_catalog;
        if (!working_name) {
            snprintf(err, errsize, "ingen arbeidskatalog (--catalog FIL)");
            goto done;
        }
        if (file_read_all(working_name, CATALOG_MAX_BYTES, &working_text, &working_len, err,
                          errsize) != 0)
            goto done;
        if (working_len == 0) {
            snprintf(err, errsize, "%s: filen er tom", working_name);
            goto done;
        }
    }

    m = mapping_load(job->map, err, errsize);
    if (!m)
        goto done;
    if (!official) {
        official_path = mapping_official_path(m, err, errsize);
        if (!official_path)
            goto done;
        official = grep_load(official_path, err, errsize);
        if (!official)
            goto done;
        official_name = official_path;
    }
    working = catalog_parse(working_text, working_len, working_name, err, errsize);
    if (!working)
        goto done;
    *output = mapping_render_catalog(m, working_text, working_len, working_name, official,
                                     official_name, err, errsize);
    if (!*output)
        goto done;
    StrBuf sb;
    strbuf_init(&sb);
    add_mapped_summary(&sb, m, working, working_name, official_name);
    *summary = sb.data;
    rc = 0;
done:
    if (rc != 0) {
        free(*output);
        *output = NULL;
    }
    cJSON_Delete(root);
    free(text);
    free(working_text);
    free(official_path);
    grep_free(official);
    mapping_free(m);
    catalog_free(working);
    return rc;
}
