#include "report.h"
#include "assess/json_text.h"
#include "report_read.h"
#include "core/action.h"
#include "core/alloc.h"
#include "core/file.h"

#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void add_string(cJSON *obj, const char *name, const char *value)
{
    if (value)
        cJSON_AddStringToObject(obj, name, value);
}

static void add_time(cJSON *obj, const char *name, SimTime t)
{
    char tb[16];
    cJSON_AddStringToObject(obj, name, simtime_format(t, tb, sizeof tb));
}

static void add_fraction(cJSON *obj, int points, int max)
{
    cJSON_AddNumberToObject(obj, "fraction", assess_permille(points, max) / 1000.0);
}

static void add_iso_time(cJSON *obj, const char *name, time_t t)
{
    struct tm tm;
    char buf[32];
    gmtime_r(&t, &tm);
    strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    cJSON_AddStringToObject(obj, name, buf);
}

static cJSON *render_goal(const ReportInput *in, const GoalResult *g)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "id", g->id);
    const CatalogGoal *cg = catalog_find(in->catalog, g->id);
    if (cg) {
        cJSON_AddStringToObject(o, "subject", cg->subject);
        cJSON_AddStringToObject(o, "title", cg->title);
        cJSON_AddBoolToObject(o, "working_paraphrase", cg->working_paraphrase);
        if (cg->official_code) {
            cJSON *off = cJSON_AddObjectToObject(o, "official");
            cJSON_AddStringToObject(off, "code", cg->official_code);
            add_string(off, "uri", cg->official_uri);
            add_string(off, "title", cg->official_title);
        }
    }
    cJSON_AddNumberToObject(o, "earned", g->earned);
    cJSON_AddNumberToObject(o, "possible", g->possible);
    add_fraction(o, g->earned, g->possible);
    cJSON_AddNumberToObject(o, "awarded", g->awarded);
    cJSON_AddNumberToObject(o, "deducted", g->deducted);
    cJSON_AddNumberToObject(o, "critical_errors", g->criticals);
    return o;
}

static cJSON *render_event(const Event *e)
{
    cJSON *o = cJSON_CreateObject();
    add_time(o, "t", e->t);
    cJSON_AddStringToObject(o, "type", event_kind_name(e->kind));
    switch (e->kind) {
    case EVENT_ACTION: {
        const ActionSpec *spec = action_spec(e->action.kind);
        cJSON_AddStringToObject(o, "action", spec->name);
        for (int i = 0; i < spec->argc; i++) {
            if (spec->types[i] == ARG_INT || spec->types[i] == ARG_LINE)
                cJSON_AddNumberToObject(o, spec->fields[i], atof(e->action.args[i]));
            else
                cJSON_AddStringToObject(o, spec->fields[i], e->action.args[i]);
        }
        /* "summary", not "text": the type action has a field named text (format 2) */
        cJSON_AddStringToObject(o, "summary", spec->summary);
        break;
    }
    case EVENT_HAPPENING:
        add_string(o, "code", e->code);
        add_string(o, "who", e->who);
        add_string(o, "text", e->text);
        break;
    case EVENT_SAY:
        add_string(o, "who", e->who);
        add_string(o, "to", e->to);
        add_string(o, "text", e->text);
        break;
    case EVENT_SCORE:
        cJSON_AddStringToObject(o, "kind", score_kind_name(e->score_kind));
        cJSON_AddStringToObject(o, "goal", e->goal);
        if (e->score_kind != SCORE_CRITICAL)
            cJSON_AddNumberToObject(o, "points", e->points);
        add_string(o, "rule", e->rule);
        add_string(o, "text", e->text);
        add_string(o, "better", e->better);
        break;
    }
    return o;
}

char *report_render(const ReportInput *in)
{
    const ScenarioMeta *m = in->meta;
    const Assessment *a = in->assessment;
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "format", "skranken-report");
    cJSON_AddNumberToObject(root, "format_version", REPORT_FORMAT_VERSION);
    cJSON_AddStringToObject(root, "engine_version", in->engine_version);

    cJSON *sc = cJSON_AddObjectToObject(root, "scenario");
    cJSON_AddStringToObject(sc, "id", m->id);
    cJSON_AddStringToObject(sc, "version", m->version);
    cJSON_AddStringToObject(sc, "title", m->title);
    cJSON_AddStringToObject(sc, "sha256", in->scenario_sha256);
    add_time(sc, "start", m->start);
    cJSON_AddNumberToObject(sc, "duration_minutes", (double)(m->duration / SIMTIME_MINUTE));

    cJSON_AddStringToObject(root, "trainee", in->trainee);
    cJSON_AddStringToObject(root, "mode", in->exam ? "exam" : "practice");
    /* As an exact integer: cJSON prints doubles with 15 digits, and a seed may
     * have 16 (up to 2^53 - 1). */
    char seed[32];
    snprintf(seed, sizeof seed, "%llu", (unsigned long long)in->seed);
    cJSON_AddRawToObject(root, "seed", seed);

    cJSON *res = cJSON_AddObjectToObject(root, "result");
    cJSON_AddNumberToObject(res, "points", a->points);
    cJSON_AddNumberToObject(res, "max", a->max);
    add_fraction(res, a->points, a->max);
    cJSON_AddNumberToObject(res, "grade", a->grade);
    cJSON_AddNumberToObject(res, "points_grade", a->points_grade);
    cJSON_AddBoolToObject(res, "passed", a->passed);
    cJSON_AddNumberToObject(res, "critical_errors", a->criticals);
    add_time(res, "ended_at", in->sim_end);
    cJSON_AddStringToObject(res, "end_reason", in->end_reason);

    cJSON *goals = cJSON_AddArrayToObject(root, "goals");
    for (size_t i = 0; i < a->goal_count; i++)
        cJSON_AddItemToArray(goals, render_goal(in, &a->goals[i]));

    cJSON *crit = cJSON_AddArrayToObject(root, "critical_errors");
    cJSON *timeline = cJSON_AddArrayToObject(root, "timeline");
    for (size_t i = 0; i < in->log->count; i++) {
        const Event *e = &in->log->items[i];
        cJSON_AddItemToArray(timeline, render_event(e));
        if (e->kind == EVENT_SCORE && e->score_kind == SCORE_CRITICAL) {
            cJSON *c = cJSON_CreateObject();
            cJSON_AddStringToObject(c, "goal", e->goal);
            add_string(c, "rule", e->rule);
            add_string(c, "text", e->text);
            add_string(c, "better", e->better);
            add_time(c, "t", e->t);
            cJSON_AddItemToArray(crit, c);
        }
    }

    cJSON *inputs = cJSON_AddArrayToObject(root, "inputs");
    for (size_t i = 0; in->inputs && i < in->inputs->count; i++)
        cJSON_AddItemToArray(inputs, cJSON_CreateString(in->inputs->items[i]));

    cJSON *wall = cJSON_AddObjectToObject(root, "wall");
    if (in->wall) {
        add_iso_time(wall, "started", in->wall->started);
        add_iso_time(wall, "finished", in->wall->finished);
        cJSON_AddNumberToObject(wall, "duration_ms", (double)in->wall->duration_ms);
    }

    char *out = json_print_text(root);
    cJSON_Delete(root);
    return out;
}

char *report_slug(const char *name)
{
    StrBuf sb;
    strbuf_init(&sb);
    const unsigned char *p = (const unsigned char *)name;
    while (*p && sb.len < 40) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')) {
            strbuf_addn(&sb, (const char *)p, 1);
        } else if (*p >= 'A' && *p <= 'Z') {
            char c = (char)(*p - 'A' + 'a');
            strbuf_addn(&sb, &c, 1);
        } else if (p[0] == 0xc3 && p[1]) {
            /* æ Æ ø Ø å Å */
            switch (p[1]) {
            case 0xa6: case 0x86: strbuf_add(&sb, "ae"); break;
            case 0xb8: case 0x98: strbuf_add(&sb, "o"); break;
            case 0xa5: case 0x85: strbuf_add(&sb, "a"); break;
            default: strbuf_add(&sb, "-"); break;
            }
            p++;
        } else if (sb.len && sb.data[sb.len - 1] != '-') {
            strbuf_add(&sb, "-");
        }
        p++;
    }
    while (sb.len && sb.data[sb.len - 1] == '-')
        sb.data[--sb.len] = '\0';
    if (!sb.len)
        strbuf_add(&sb, "elev");
    return sb.data;
}

char *report_new_path(const char *dir, const char *scenario_id, const char *trainee,
                      time_t when)
{
    struct tm tm;
    char stamp[32];
    localtime_r(&when, &tm);
    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    char *slug = report_slug(trainee);
    StrBuf sb;
    strbuf_init(&sb);
    for (int n = 1;; n++) {
        strbuf_clear(&sb);
        strbuf_addf(&sb, "%s/%s-%s-%s", dir, scenario_id, slug, stamp);
        if (n > 1)
            strbuf_addf(&sb, "-%d", n);
        strbuf_add(&sb, ".json");
        if (!file_exists(sb.data))
            break;
    }
    free(slug);
    return sb.data;
}

/* Copies src into dst[size], cut at a character boundary if it must be cut. */
static void copy_utf8(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);
    if (n >= size) {
        n = size - 1;
        while (n > 0 && ((unsigned char)src[n] & 0xc0) == 0x80)
            n--;
    }
    memcpy(dst, src, n);
    dst[n] = '\0';
}

int report_read_summary(const char *path, ReportSummary *out)
{
    ReportFile rf;
    char err[512];
    memset(out, 0, sizeof *out);
    if (report_load_opts(path, REPORT_READ_NO_INPUTS, &rf, err, sizeof err) != 0)
        return -1;
    copy_utf8(out->scenario_id, sizeof out->scenario_id, rf.scenario_id);
    copy_utf8(out->trainee, sizeof out->trainee, rf.trainee);
    out->grade = rf.grade;
    out->points = rf.points;
    out->max = rf.max;
    out->passed = rf.passed;
    report_file_free(&rf);
    return 0;
}
