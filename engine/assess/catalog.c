#include "catalog.h"
#include "json_text.h"
#include "core/alloc.h"
#include "core/file.h"
#include "core/strbuf.h"

#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


static const char *string_field(const cJSON *obj, const char *name)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

void catalog_free(Catalog *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->goal_count; i++) {
        CatalogGoal *g = &c->goals[i];
        free(g->id);
        free(g->subject);
        free(g->title);
        free(g->description);
        free(g->official_code);
        free(g->official_uri);
        free(g->official_title);
    }
    free(c->goals);
    free(c->id);
    free(c->title);
    free(c->notice);
    free(c);
}

const CatalogGoal *catalog_find(const Catalog *c, const char *id)
{
    for (size_t i = 0; c && id && i < c->goal_count; i++)
        if (strcmp(c->goals[i].id, id) == 0)
            return &c->goals[i];
    return NULL;
}

static int is_subject(const char *s)
{
    return s && (strcmp(s, "HSE3005") == 0 || strcmp(s, "HSE3006") == 0 ||
                 strcmp(s, "HSE3007") == 0 || strcmp(s, "HSE3008") == 0);
}

/* An official title may be a plain string or {"nob": ..., "eng": ...}. */
static const char *official_title(const cJSON *official)
{
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(official, "title");
    if (cJSON_IsString(t))
        return t->valuestring;
    const char *nob = string_field(t, "nob");
    return nob ? nob : string_field(t, "default");
}

Catalog *catalog_parse(const char *text, size_t len, const char *name, char *err,
                       size_t errsize)
{
    Catalog *c = NULL;
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(text, len, &end, 0);
    if (!root) {
        size_t off = end ? (size_t)(end - text) : 0;
        const char *at = cJSON_GetErrorPtr();
        if (at && at >= text && at <= text + len)
            off = (size_t)(at - text);
        snprintf(err, errsize, "%s:%d: ikke gyldig JSON", name, json_line_at(text, off));
        return NULL;
    }
    /* Only whitespace may follow the value: "{...} junk" or two documents in
     * one file are not valid JSON (cJSON stops after the first value). */
    const char *rest = end ? end : text + len;
    while (rest < text + len && (*rest == ' ' || *rest == '\t' || *rest == '\n' || *rest == '\r'))
        rest++;
    if (rest < text + len) {
        snprintf(err, errsize, "%s:%d: ikke gyldig JSON (tekst etter slutten)", name,
                 json_line_at(text, (size_t)(rest - text)));
        cJSON_Delete(root);
        return NULL;
    }
    const char *format = string_field(root, "format");
    if (!format || strcmp(format, "skranken-catalog") != 0) {
        snprintf(err, errsize, "%s: ikke en Skranken-katalog (\"format\": \"skranken-catalog\" "
                               "mangler)", name);
        goto fail;
    }
    const cJSON *version = cJSON_GetObjectItemCaseSensitive(root, "format_version");
    if (!cJSON_IsNumber(version) || version->valuedouble != 1.0) { /* 1.5 is not 1 */
        snprintf(err, errsize, "%s: ukjent format_version (denne versjonen leser 1)", name);
        goto fail;
    }
    const cJSON *goals = cJSON_GetObjectItemCaseSensitive(root, "goals");
    if (!cJSON_IsArray(goals) || cJSON_GetArraySize(goals) == 0) {
        snprintf(err, errsize, "%s: \"goals\" mangler eller er tom", name);
        goto fail;
    }
    c = sk_xcalloc(1, sizeof *c);
    c->id = sk_xstrdup(string_field(root, "id"));
    c->title = sk_xstrdup(string_field(root, "title"));
    c->notice = sk_xstrdup(string_field(root, "notice"));
    c->working_paraphrase = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(root, "working_paraphrase"));
    size_t n = (size_t)cJSON_GetArraySize(goals);
    c->goals = sk_xcalloc(n, sizeof *c->goals);
    size_t i = 0;
    const cJSON *g;
    cJSON_ArrayForEach(g, goals) {
        const char *id = string_field(g, "id");
        const char *subject = string_field(g, "subject");
        const char *title = string_field(g, "title");
        if (!id || !*id || strlen(id) > 64 || !text_is_identifier(id)) {
            snprintf(err, errsize, "%s: mål nr. %zu mangler en gyldig \"id\"", name, i + 1);
            goto fail;
        }
        if (catalog_find(c, id)) {
            snprintf(err, errsize, "%s: målet «%s» står to ganger", name, id);
            goto fail;
        }
        if (!is_subject(subject)) {
            snprintf(err, errsize, "%s: målet «%s» har ukjent \"subject\" (HSE3005, HSE3006, "
                                   "HSE3007, HSE3008)", name, id);
            goto fail;
        }
        if (!title || !*title) {
            snprintf(err, errsize, "%s: målet «%s» mangler \"title\"", name, id);
            goto fail;
        }
        CatalogGoal *cg = &c->goals[i];
        cg->id = sk_xstrdup(id);
        cg->subject = sk_xstrdup(subject);
        cg->title = sk_xstrdup(title);
        cg->description = sk_xstrdup(string_field(g, "description"));
        cg->working_paraphrase =
            cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(g, "working_paraphrase"));
        const cJSON *official = cJSON_GetObjectItemCaseSensitive(g, "official");
        if (cJSON_IsObject(official)) {
            cg->official_code = sk_xstrdup(string_field(official, "code"));
            cg->official_uri = sk_xstrdup(string_field(official, "uri"));
            cg->official_title = sk_xstrdup(official_title(official));
        }
        c->goal_count = ++i;
    }
    cJSON_Delete(root);
    return c;
fail:
    catalog_free(c);
    cJSON_Delete(root);
    return NULL;
}

Catalog *catalog_load(const char *path, char *err, size_t errsize)
{
    char *text = NULL;
    size_t len = 0;
    if (file_read_all(path, CATALOG_MAX_BYTES, &text, &len, err, errsize) != 0)
        return NULL;
    if (len == 0) {
        snprintf(err, errsize, "%s: filen er tom", path);
        free(text);
        return NULL;
    }
    Catalog *c = catalog_parse(text, len, path, err, errsize);
    free(text);
    return c;
}
