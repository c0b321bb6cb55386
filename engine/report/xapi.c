/* xAPI 1.0.3 statements from reports (docs/xapi.md). */
#include "xapi.h"
#include "assess/json_text.h"
#include "core/alloc.h"
#include "core/strbuf.h"

#include <cJSON.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define LANG "nb-NO"

#define VERB_ADL "http://adlnet.gov/expapi/verbs/"
#define TYPE_SIMULATION "http://adlnet.gov/expapi/activities/simulation"
#define TYPE_OBJECTIVE "http://adlnet.gov/expapi/activities/objective"
#define TYPE_PROFILE "http://adlnet.gov/expapi/activities/profile"
#define GREP_PSI "http://psi.udir.no/kl06/"

/* ---------------------------------------------------------------- SHA-1 and UUIDs */

static uint32_t rol(uint32_t x, int n)
{
    return (x << n) | (x >> (32 - n));
}

static void sha1_block(uint32_t h[5], const unsigned char *p)
{
    uint32_t w[80];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
               (uint32_t)p[4 * i + 2] << 8 | (uint32_t)p[4 * i + 3];
    for (int i = 16; i < 80; i++)
        w[i] = rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int i = 0; i < 80; i++) {
        uint32_t f, k;
        if (i < 20) {
            f = (b & c) | (~b & d);
            k = 0x5a827999;
        } else if (i < 40) {
            f = b ^ c ^ d;
            k = 0x6ed9eba1;
        } else if (i < 60) {
            f = (b & c) | (b & d) | (c & d);
            k = 0x8f1bbcdc;
        } else {
            f = b ^ c ^ d;
            k = 0xca62c1d6;
        }
        uint32_t t = rol(a, 5) + f + e + k + w[i];
        e = d;
        d = c;
        c = rol(b, 30);
        b = a;
        a = t;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
}

void xapi_sha1(const void *data, size_t len, unsigned char digest[20])
{
    uint32_t h[5] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0};
    const unsigned char *p = data;
    size_t left = len;
    while (left >= 64) {
        sha1_block(h, p);
        p += 64;
        left -= 64;
    }
    unsigned char tail[128];
    memset(tail, 0, sizeof tail);
    if (left)
        memcpy(tail, p, left);
    tail[left] = 0x80;
    size_t tail_len = left + 9 <= 64 ? 64 : 128;
    uint64_t bits = (uint64_t)len * 8;
    for (int i = 0; i < 8; i++)
        tail[tail_len - 1 - i] = (unsigned char)(bits >> (8 * i));
    sha1_block(h, tail);
    if (tail_len == 128)
        sha1_block(h, tail + 64);
    for (int i = 0; i < 5; i++) {
        digest[4 * i] = (unsigned char)(h[i] >> 24);
        digest[4 * i + 1] = (unsigned char)(h[i] >> 16);
        digest[4 * i + 2] = (unsigned char)(h[i] >> 8);
        digest[4 * i + 3] = (unsigned char)h[i];
    }
}

const unsigned char xapi_namespace[16] = {0x0e, 0x1c, 0x14, 0x12, 0xcf, 0x7b, 0x50, 0xfe,
                                          0x9a, 0x2a, 0x56, 0x3d, 0x7f, 0x46, 0xbc, 0x5a};

static void uuid_bytes(const unsigned char ns[16], const void *name, size_t len,
                       unsigned char out[16])
{
    unsigned char *buf = sk_xmalloc(16 + len);
    memcpy(buf, ns, 16);
    if (len)
        memcpy(buf + 16, name, len);
    unsigned char digest[20];
    xapi_sha1(buf, 16 + len, digest);
    free(buf);
    memcpy(out, digest, 16);
    out[6] = (unsigned char)((out[6] & 0x0f) | 0x50); /* version 5 */
    out[8] = (unsigned char)((out[8] & 0x3f) | 0x80); /* RFC 4122 variant */
}

static void uuid_text(const unsigned char u[16], char out[37])
{
    static const char hex[] = "0123456789abcdef";
    size_t o = 0;
    for (int i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out[o++] = '-';
        out[o++] = hex[u[i] >> 4];
        out[o++] = hex[u[i] & 15];
    }
    out[o] = '\0';
}

void xapi_uuid5(const unsigned char namespace_id[16], const void *name, size_t len,
                char out[37])
{
    unsigned char u[16];
    uuid_bytes(namespace_id, name, len, u);
    uuid_text(u, out);
}

/* ---------------------------------------------------------------- options */

int xapi_iri_ok(const char *text)
{
    size_t n = strlen(text);
    size_t scheme = 0;
    if (strncmp(text, "https://", 8) == 0)
        scheme = 8;
    else if (strncmp(text, "http://", 7) == 0)
        scheme = 7;
    if (!scheme || n > 200 || n == scheme || text[scheme] == '/')
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c <= 0x20 || c >= 0x7f || strchr("\"<>\\^`{|}?#", c))
            return 0;
    }
    return 1;
}

/* ---------------------------------------------------------------- building */

typedef struct XapiAttempt {
    char registration[37];
    char *name;       /* the report file it came from */
    char *statements; /* its statements, unformatted, to recognise a second copy */
} XapiAttempt;

struct XapiBatch {
    char *base;     /* without a trailing '/' */
    char *homepage;
    cJSON *array;
    XapiAttempt *attempts;
    size_t attempt_count, attempt_cap;
};

XapiBatch *xapi_batch_new(const XapiOptions *options)
{
    XapiBatch *b = sk_xcalloc(1, sizeof *b);
    const char *base = options && options->base_iri ? options->base_iri : XAPI_DEFAULT_BASE_IRI;
    size_t n = strlen(base);
    while (n > 0 && base[n - 1] == '/')
        n--;
    b->base = sk_xmalloc(n + 1);
    memcpy(b->base, base, n);
    b->base[n] = '\0';
    b->homepage = sk_xstrdup(options && options->homepage ? options->homepage
                                                           : XAPI_DEFAULT_HOMEPAGE);
    b->array = cJSON_CreateArray();
    return b;
}

void xapi_batch_free(XapiBatch *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->attempt_count; i++) {
        free(b->attempts[i].name);
        free(b->attempts[i].statements);
    }
    free(b->attempts);
    cJSON_Delete(b->array);
    free(b->base);
    free(b->homepage);
    free(b);
}

size_t xapi_batch_count(const XapiBatch *b)
{
    return (size_t)cJSON_GetArraySize(b->array);
}

/* <base>/<kind>[/<id>], the id percent-encoded outside A-Z a-z 0-9 - . _ ~
 * (scenario ids are identifiers already; a goal id in a report need not be). */
static char *iri(const XapiBatch *b, const char *kind, const char *id)
{
    static const char hex[] = "0123456789ABCDEF";
    StrBuf sb;
    strbuf_init(&sb);
    strbuf_addf(&sb, "%s/%s", b->base, kind);
    if (id) {
        strbuf_add(&sb, "/");
        for (const unsigned char *p = (const unsigned char *)id; *p; p++) {
            if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
                *p == '-' || *p == '.' || *p == '_' || *p == '~') {
                strbuf_addn(&sb, (const char *)p, 1);
            } else {
                char esc[3] = {'%', hex[*p >> 4], hex[*p & 15]};
                strbuf_addn(&sb, esc, 3);
            }
        }
    }
    return sb.data;
}

static void add_ext(const XapiBatch *b, cJSON *ext, const char *name, cJSON *value)
{
    char *key = iri(b, "extensions", name);
    cJSON_AddItemToObject(ext, key, value);
    free(key);
}

static cJSON *lang_map(const char *text)
{
    cJSON *m = cJSON_CreateObject();
    cJSON_AddStringToObject(m, LANG, text);
    return m;
}

static void add_iso_time(cJSON *obj, const char *name, time_t t)
{
    struct tm tm;
    char buf[32];
    gmtime_r(&t, &tm);
    strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    cJSON_AddStringToObject(obj, name, buf);
}

/* ISO 8601 duration: PT4.213S, PT2M5S, PT1H0M0.5S ... */
static void add_duration(cJSON *obj, long long ms)
{
    long long h = ms / 3600000, m = ms / 60000 % 60, s = ms / 1000 % 60, frac = ms % 1000;
    char buf[64];
    size_t o = 0;
    o += (size_t)snprintf(buf + o, sizeof buf - o, "PT");
    if (h)
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%lldH", h);
    if (h || m)
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%lldM", m);
    if (frac) {
        char f[8];
        snprintf(f, sizeof f, "%03lld", frac);
        size_t fl = strlen(f);
        while (fl > 0 && f[fl - 1] == '0')
            f[--fl] = '\0';
        snprintf(buf + o, sizeof buf - o, "%lld.%sS", s, f);
    } else if (s || !(h || m)) {
        snprintf(buf + o, sizeof buf - o, "%lldS", s);
    }
    cJSON_AddStringToObject(obj, "duration", buf);
}

static cJSON *verb(const char *id, const char *display)
{
    cJSON *v = cJSON_CreateObject();
    cJSON_AddStringToObject(v, "id", id);
    cJSON_AddItemToObject(v, "display", lang_map(display));
    return v;
}

static cJSON *activity(const char *id, const char *name, const char *type)
{
    cJSON *a = cJSON_CreateObject();
    cJSON_AddStringToObject(a, "objectType", "Activity");
    cJSON_AddStringToObject(a, "id", id);
    cJSON *def = cJSON_AddObjectToObject(a, "definition");
    if (name && *name)
        cJSON_AddItemToObject(def, "name", lang_map(name));
    cJSON_AddStringToObject(def, "type", type);
    return a;
}

/* The official goal's IRI: its Grep URI when it is an http(s) address, else
 * Grep's address pattern with the code. NULL when the goal is not mapped. */
static char *official_iri(const ReportGoalResult *g)
{
    if (!g || !g->official_code)
        return NULL;
    if (g->official_uri && xapi_iri_ok(g->official_uri))
        return sk_xstrdup(g->official_uri);
    if (!text_is_identifier(g->official_code))
        return NULL;
    StrBuf sb;
    strbuf_init(&sb);
    strbuf_addf(&sb, GREP_PSI "%s", g->official_code);
    return sb.data;
}

static const ReportGoalResult *find_goal(const ReportFile *rf, const char *id)
{
    for (size_t i = 0; i < rf->goal_count; i++)
        if (strcmp(rf->goals[i].id, id) == 0)
            return &rf->goals[i];
    return NULL;
}

/* The goal as activities: our working goal always, the official one too when
 * the report has the goal mapped. */
static void add_goal_activities(const XapiBatch *b, cJSON *list, const char *goal_id,
                                const ReportGoalResult *g)
{
    char *id = iri(b, "goal", goal_id);
    cJSON_AddItemToArray(list, activity(id, g ? g->title : NULL, TYPE_OBJECTIVE));
    free(id);
    char *off = official_iri(g);
    if (off) {
        cJSON *a = activity(off, g->official_title, TYPE_OBJECTIVE);
        cJSON *ext = cJSON_AddObjectToObject(cJSON_GetObjectItemCaseSensitive(a, "definition"),
                                             "extensions");
        add_ext(b, ext, "grep-code", cJSON_CreateString(g->official_code));
        cJSON_AddItemToArray(list, a);
        free(off);
    }
}

/* The context every statement of the attempt shares; other: the goals given
 * (all of the scenario's when goal_id is NULL). */
static cJSON *context(const XapiBatch *b, const ReportFile *rf, const char *registration,
                      const char *goal_id)
{
    cJSON *c = cJSON_CreateObject();
    cJSON_AddStringToObject(c, "registration", registration);
    cJSON *ca = cJSON_AddObjectToObject(c, "contextActivities");
    cJSON *cat = cJSON_AddArrayToObject(ca, "category");
    cJSON_AddItemToArray(cat, activity(b->base, "Skranken", TYPE_PROFILE));
    cJSON *other = cJSON_AddArrayToObject(ca, "other");
    if (goal_id) {
        add_goal_activities(b, other, goal_id, find_goal(rf, goal_id));
    } else {
        for (size_t i = 0; i < rf->goal_count; i++)
            add_goal_activities(b, other, rf->goals[i].id, &rf->goals[i]);
    }
    if (cJSON_GetArraySize(other) == 0)
        cJSON_DeleteItemFromObjectCaseSensitive(ca, "other");
    cJSON_AddStringToObject(c, "revision", rf->scenario_version);
    StrBuf platform;
    strbuf_init(&platform);
    strbuf_addf(&platform, "Skranken %s", rf->engine_version);
    cJSON_AddStringToObject(c, "platform", platform.data);
    strbuf_free(&platform);
    cJSON_AddStringToObject(c, "language", LANG);
    cJSON *ext = cJSON_AddObjectToObject(c, "extensions");
    add_ext(b, ext, "mode", cJSON_CreateString(rf->exam ? "exam" : "practice"));
    add_ext(b, ext, "seed", cJSON_CreateNumber((double)rf->seed));
    add_ext(b, ext, "scenario-sha256", cJSON_CreateString(rf->scenario_sha256));
    return c;
}

typedef struct Registration {
    unsigned char bytes[16]; /* the namespace of the attempt's statement ids */
    char text[37];
} Registration;

/* A statement without result. Its id: uuid5(registration, role, base IRI and
 * home page), so another base or home page gives other statements. */
static cJSON *statement(const XapiBatch *b, const ReportFile *rf, const Registration *reg,
                        const char *role, cJSON *verb_obj, cJSON *result, const char *goal_id,
                        time_t when)
{
    cJSON *s = cJSON_CreateObject();
    StrBuf name;
    strbuf_init(&name);
    strbuf_addf(&name, "%s\n%s\n%s", role, b->base, b->homepage);
    char id[37];
    xapi_uuid5(reg->bytes, name.data, name.len, id);
    strbuf_free(&name);
    cJSON_AddStringToObject(s, "id", id);

    cJSON *actor = cJSON_AddObjectToObject(s, "actor");
    cJSON_AddStringToObject(actor, "objectType", "Agent");
    cJSON_AddStringToObject(actor, "name", rf->trainee);
    cJSON *account = cJSON_AddObjectToObject(actor, "account");
    cJSON_AddStringToObject(account, "homePage", b->homepage);
    cJSON_AddStringToObject(account, "name", rf->trainee);

    cJSON_AddItemToObject(s, "verb", verb_obj);
    char *scenario = iri(b, "scenario", rf->scenario_id);
    cJSON_AddItemToObject(s, "object", activity(scenario, rf->scenario_title, TYPE_SIMULATION));
    free(scenario);
    if (result)
        cJSON_AddItemToObject(s, "result", result);
    cJSON_AddItemToObject(s, "context", context(b, rf, reg->text, goal_id));
    if (when > 0)
        add_iso_time(s, "timestamp", when);
    cJSON_AddStringToObject(s, "version", "1.0.3");
    return s;
}

static cJSON *outcome_result(const XapiBatch *b, const ReportFile *rf)
{
    cJSON *r = cJSON_CreateObject();
    if (rf->max > 0) {
        cJSON *score = cJSON_AddObjectToObject(r, "score");
        cJSON_AddNumberToObject(score, "scaled", rf->fraction);
        cJSON_AddNumberToObject(score, "raw", rf->points);
        cJSON_AddNumberToObject(score, "min", 0);
        cJSON_AddNumberToObject(score, "max", rf->max);
    }
    cJSON_AddBoolToObject(r, "success", rf->passed);
    cJSON_AddBoolToObject(r, "completion", 1);
    if (rf->duration_ms >= 0)
        add_duration(r, rf->duration_ms);
    cJSON *ext = cJSON_AddObjectToObject(r, "extensions");
    add_ext(b, ext, "grade", cJSON_CreateNumber(rf->grade));
    add_ext(b, ext, "points-grade", cJSON_CreateNumber(rf->points_grade));
    add_ext(b, ext, "critical-errors", cJSON_CreateNumber(rf->critical_count));
    add_ext(b, ext, "end-reason", cJSON_CreateString(rf->end_reason));
    add_ext(b, ext, "simulated-end", cJSON_CreateString(rf->ended_at));
    cJSON *goals = cJSON_CreateArray();
    for (size_t i = 0; i < rf->goal_count; i++) {
        const ReportGoalResult *g = &rf->goals[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", g->id);
        char *id = iri(b, "goal", g->id);
        cJSON_AddStringToObject(o, "activity", id);
        free(id);
        char *off = official_iri(g);
        if (off) {
            cJSON_AddStringToObject(o, "official_code", g->official_code);
            cJSON_AddStringToObject(o, "official_activity", off);
            free(off);
        }
        cJSON_AddNumberToObject(o, "earned", g->earned);
        cJSON_AddNumberToObject(o, "possible", g->possible);
        cJSON_AddNumberToObject(o, "fraction", g->fraction);
        cJSON_AddNumberToObject(o, "awarded", g->awarded);
        cJSON_AddNumberToObject(o, "deducted", g->deducted);
        cJSON_AddNumberToObject(o, "critical_errors", g->critical_errors);
        cJSON_AddItemToArray(goals, o);
    }
    add_ext(b, ext, "goals", goals);
    return r;
}

static cJSON *critical_result(const XapiBatch *b, const ReportCritical *c)
{
    cJSON *r = cJSON_CreateObject();
    cJSON_AddBoolToObject(r, "success", 0);
    cJSON *ext = cJSON_AddObjectToObject(r, "extensions");
    add_ext(b, ext, "goal", cJSON_CreateString(c->goal));
    if (c->rule)
        add_ext(b, ext, "rule", cJSON_CreateString(c->rule));
    add_ext(b, ext, "text", cJSON_CreateString(c->text));
    if (c->better)
        add_ext(b, ext, "better", cJSON_CreateString(c->better));
    add_ext(b, ext, "simulated-time", cJSON_CreateString(c->t));
    return r;
}

/* The attempt's registration: a version 5 UUID of what identifies the attempt. */
static void registration_of(const ReportFile *rf, Registration *out)
{
    StrBuf sb;
    strbuf_init(&sb);
    strbuf_addf(&sb, "skranken-attempt\n%s\n%s\n%s\n%s\n%llu\n%lld\n", rf->scenario_id,
                rf->scenario_sha256, rf->trainee, rf->exam ? "exam" : "practice",
                (unsigned long long)rf->seed, (long long)rf->wall_started);
    for (size_t i = 0; i < rf->inputs.count; i++)
        strbuf_addf(&sb, "%s\n", rf->inputs.items[i]);
    uuid_bytes(xapi_namespace, sb.data, sb.len, out->bytes);
    uuid_text(out->bytes, out->text);
    strbuf_free(&sb);
}

int xapi_batch_add(XapiBatch *b, const char *name, const ReportFile *rf, char *err,
                   size_t errsize)
{
    Registration reg;
    registration_of(rf, &reg);
    cJSON *list = cJSON_CreateArray();
    cJSON_AddItemToArray(list, statement(b, rf, &reg, "attempted",
                                         verb(VERB_ADL "attempted", "startet"), NULL, NULL,
                                         rf->wall_started));
    cJSON *done = cJSON_CreateObject();
    cJSON_AddBoolToObject(done, "completion", 1);
    if (rf->duration_ms >= 0)
        add_duration(done, rf->duration_ms);
    cJSON_AddItemToArray(list, statement(b, rf, &reg, "completed",
                                         verb(VERB_ADL "completed", "fullførte"), done, NULL,
                                         rf->wall_finished));
    cJSON *verb_obj = rf->passed ? verb(VERB_ADL "passed", "besto")
                                 : verb(VERB_ADL "failed", "besto ikke");
    cJSON_AddItemToArray(list, statement(b, rf, &reg, "outcome", verb_obj,
                                         outcome_result(b, rf), NULL, rf->wall_finished));
    char *critical_verb = iri(b, "verbs", "critical-error");
    for (size_t i = 0; i < rf->critical_len; i++) {
        char role[32];
        snprintf(role, sizeof role, "critical/%zu", i + 1);
        cJSON_AddItemToArray(list, statement(b, rf, &reg, role,
                                             verb(critical_verb, "gjorde en kritisk feil"),
                                             critical_result(b, &rf->criticals[i]),
                                             rf->criticals[i].goal, rf->wall_finished));
    }
    free(critical_verb);

    char *text = cJSON_PrintUnformatted(list);
    if (!text) {
        fprintf(stderr, "skranken: tom for minne under xAPI-eksport\n");
        abort();
    }
    for (size_t i = 0; i < b->attempt_count; i++) {
        const XapiAttempt *a = &b->attempts[i];
        if (strcmp(a->registration, reg.text) != 0)
            continue;
        int same = strcmp(a->statements, text) == 0;
        if (same)
            snprintf(err, errsize, "%s: samme forsøk som %s, tatt med én gang", name, a->name);
        else
            snprintf(err, errsize, "%s: samme forsøk som %s, men med andre resultater (kjør "
                                   "«skranken verify» på begge)", name, a->name);
        cJSON_free(text);
        cJSON_Delete(list);
        return same ? 0 : -1;
    }
    SK_GROW(b->attempts, b->attempt_count, b->attempt_cap);
    XapiAttempt *a = &b->attempts[b->attempt_count++];
    memcpy(a->registration, reg.text, sizeof reg.text);
    a->name = sk_xstrdup(name);
    a->statements = sk_xstrdup(text);
    cJSON_free(text);
    int added = 0;
    while (list->child) {
        cJSON *item = cJSON_DetachItemViaPointer(list, list->child);
        cJSON_AddItemToArray(b->array, item);
        added++;
    }
    cJSON_Delete(list);
    return added;
}

char *xapi_batch_render(const XapiBatch *b)
{
    return json_print_text(b->array);
}
