#define _DEFAULT_SOURCE /* realpath, timegm */
#include "journal.h"
#include "cli.h"
#include "core/alloc.h"
#include "core/file.h"
#include "core/sha256.h"
#include "script/scenario.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_VALUE 4096 /* bytes in one header value */

/* CRC-32 (IEEE 802.3, as zlib), bit by bit: records are short. */
static uint32_t crc32_of(const char *data, size_t len)
{
    uint32_t c = 0xffffffffu;
    for (size_t i = 0; i < len; i++) {
        c ^= (unsigned char)data[i];
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1u)));
    }
    return c ^ 0xffffffffu;
}

/* ------------------------------------------------------------------ writing */

void journal_format_time(time_t t, char *buf, size_t size)
{
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int journal_parse_time(const char *text, time_t *out)
{
    int y, mo, d, h, mi, s;
    char z = 0, extra = 0;
    if (strlen(text) != 20 ||
        sscanf(text, "%4d-%2d-%2dT%2d:%2d:%2d%c%c", &y, &mo, &d, &h, &mi, &s, &z, &extra) != 7 ||
        z != 'Z' || y < 1970 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 ||
        mi > 59 || s > 60 || h < 0 || mi < 0 || s < 0)
        return -1;
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = s;
    *out = timegm(&tm);
    return 0;
}

/* A value written as it is: clean UTF-8, no line break, not empty. */
static int plain_ok(const char *v)
{
    return v && *v && strlen(v) <= MAX_VALUE && text_is_clean_utf8(v, strlen(v)) &&
           !strchr(v, '\t');
}

static void add_quoted(StrBuf *sb, const char *v)
{
    strbuf_add(sb, "\"");
    for (const char *p = v; *p; p++) {
        if (*p == '"' || *p == '\\') {
            char esc[3] = {'\\', *p, '\0'};
            strbuf_add(sb, esc);
        } else if (*p == '\t') {
            strbuf_add(sb, "\\t");
        } else {
            strbuf_addn(sb, p, 1);
        }
    }
    strbuf_add(sb, "\"");
}

char *journal_render_header(const JournalHeader *h, char *err, size_t errsize)
{
    const char *why = NULL;
    if (!plain_ok(h->scenario_path))
        why = "scenariofilas navn kan ikke skrives i en journal (linjeskift eller ugyldig UTF-8)";
    else if (h->catalog && !plain_ok(h->catalog))
        why = "katalogfilas navn kan ikke skrives i en journal (linjeskift eller ugyldig UTF-8)";
    else if (!text_is_identifier(h->scenario_id) || strlen(h->scenario_id) > 64)
        why = "scenarioets id kan ikke brukes";
    else if (!text_is_clean_utf8(h->trainee, strlen(h->trainee)) || strlen(h->trainee) > 100)
        why = "elevens navn må være gyldig UTF-8, høyst 100 byte";
    else if (!text_is_clean_utf8(h->title, strlen(h->title)))
        why = "scenarioets tittel er ikke gyldig UTF-8";
    else if (h->set_task > 0 && (!text_is_identifier(h->set_id) ||
                                 !text_is_clean_utf8(h->set_title, strlen(h->set_title))))
        why = "eksamenssettets id eller tittel kan ikke skrives i en journal";
    if (why) {
        snprintf(err, errsize, "%s", why);
        return NULL;
    }
    char when[32];
    journal_format_time(h->started, when, sizeof when);
    StrBuf sb;
    strbuf_init(&sb);
    strbuf_addf(&sb, "# %s %d\n", JOURNAL_FORMAT, JOURNAL_VERSION);
    strbuf_add(&sb, "# about Et uferdig forsøk i Skranken (docs/journal.md). Fortsett med "
                    "«skranken resume FIL» eller fra vinduet.\n");
    strbuf_addf(&sb, "# engine %s\n", h->engine_version);
    strbuf_addf(&sb, "# scenario %s\n", h->scenario_path);
    strbuf_addf(&sb, "# sha256 %s\n", h->sha256);
    strbuf_addf(&sb, "# id %s\n", h->scenario_id);
    strbuf_add(&sb, "# title ");
    add_quoted(&sb, h->title);
    strbuf_add(&sb, "\n# trainee ");
    add_quoted(&sb, h->trainee);
    strbuf_addf(&sb, "\n# mode %s\n", h->exam ? "exam" : "practice");
    strbuf_addf(&sb, "# seed %llu\n", (unsigned long long)h->seed);
    strbuf_addf(&sb, "# started %s\n", when);
    if (h->catalog)
        strbuf_addf(&sb, "# catalog %s\n", h->catalog);
    if (h->set_task > 0) {
        strbuf_addf(&sb, "# exam-set %s %d %d ", h->set_id, h->set_task, h->set_tasks);
        add_quoted(&sb, h->set_title);
        strbuf_add(&sb, "\n");
    }
    return sb.data;
}

static void add_trailer(StrBuf *out, size_t line_start, long long ms)
{
    if (ms < 0)
        ms = 0;
    strbuf_addf(out, "%lld", ms);
    uint32_t crc = crc32_of(out->data + line_start, out->len - line_start);
    strbuf_addf(out, " %08x\n", (unsigned)crc);
}

void journal_format_action(const Action *action, long long ms, StrBuf *out)
{
    if (!out->data)
        strbuf_add(out, "");
    size_t start = out->len;
    action_format(action, out);
    strbuf_add(out, " #j ");
    add_trailer(out, start, ms);
}

void journal_format_marker(const char *word, long long ms, StrBuf *out)
{
    if (!out->data)
        strbuf_add(out, "");
    size_t start = out->len;
    strbuf_addf(out, "#j %s ", word);
    add_trailer(out, start, ms);
}

/* ------------------------------------------------------------------ reading */

void journal_header_free(JournalHeader *h)
{
    free(h->engine_version);
    free(h->scenario_path);
    free(h->scenario_id);
    free(h->title);
    free(h->trainee);
    free(h->catalog);
    free(h->set_id);
    free(h->set_title);
    memset(h, 0, sizeof *h);
}

void journal_free(Journal *j)
{
    free(j->path);
    journal_header_free(&j->h);
    inputs_free(&j->actions);
    free(j->offsets);
    memset(j, 0, sizeof *j);
}

/* A quoted value at p (the whole rest of the line must be it, or, with rest,
 * it may be followed by more). Returns the unquoted text (caller frees) or NULL. */
static char *parse_quoted(const char *p, size_t max, const char **rest)
{
    if (*p != '"')
        return NULL;
    StrBuf sb;
    strbuf_init(&sb);
    strbuf_add(&sb, "");
    for (p++; *p && *p != '"'; p++) {
        if (*p == '\\') {
            p++;
            if (*p == '"' || *p == '\\')
                strbuf_addn(&sb, p, 1);
            else if (*p == 't')
                strbuf_add(&sb, "\t");
            else
                goto bad;
        } else {
            strbuf_addn(&sb, p, 1);
        }
        if (sb.len > max)
            goto bad;
    }
    if (*p != '"')
        goto bad;
    p++;
    if (rest)
        *rest = p;
    else if (*p)
        goto bad;
    if (!text_is_clean_utf8(sb.data, sb.len))
        goto bad;
    return sb.data;
bad:
    strbuf_free(&sb);
    return NULL;
}


static int is_hex64(const char *v)
{
    if (strlen(v) != 64)
        return 0;
    for (const char *p = v; *p; p++)
        if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
            return 0;
    return 1;
}

/* One header line "# key value". Returns 0, or -1 with the reason in why. */
static int header_line(JournalHeader *h, unsigned *seen, const char *line, char *why,
                       size_t whysize)
{
    static const char *const keys[] = {"about", "engine", "scenario", "sha256", "id",
                                       "title", "trainee", "mode", "seed", "started",
                                       "catalog", "exam-set"};
    const char *sp = strchr(line + 2, ' ');
    size_t klen = sp ? (size_t)(sp - (line + 2)) : strlen(line + 2);
    const char *value = sp ? sp + 1 : "";
    int k = -1;
    for (int i = 0; i < (int)(sizeof keys / sizeof keys[0]); i++)
        if (strlen(keys[i]) == klen && strncmp(line + 2, keys[i], klen) == 0)
            k = i;
    if (k < 0) {
        snprintf(why, whysize, "ukjent linje i hodet: «%.40s»", line);
        return -1;
    }
    if (*seen & (1u << k)) {
        snprintf(why, whysize, "«%s» står to ganger", keys[k]);
        return -1;
    }
    *seen |= 1u << k;
    if (!text_is_clean_utf8(value, strlen(value)) || strlen(value) > MAX_VALUE) {
        snprintf(why, whysize, "«%s» er ikke gyldig tekst", keys[k]);
        return -1;
    }
    int ok = 1;
    switch (k) {
    case 0: break; /* about: for people */
    case 1:
        ok = *value && strlen(value) <= 32 && !strchr(value, ' ');
        if (ok)
            h->engine_version = sk_xstrdup(value);
        break;
    case 2:
        ok = value[0] == '/';
        if (ok)
            h->scenario_path = sk_xstrdup(value);
        break;
    case 3:
        ok = is_hex64(value);
        if (ok)
            memcpy(h->sha256, value, 65);
        break;
    case 4:
        ok = text_is_identifier(value) && strlen(value) <= 64;
        if (ok)
            h->scenario_id = sk_xstrdup(value);
        break;
    case 5: ok = (h->title = parse_quoted(value, 1000, NULL)) != NULL; break;
    case 6: ok = (h->trainee = parse_quoted(value, 100, NULL)) != NULL; break;
    case 7:
        ok = strcmp(value, "practice") == 0 || strcmp(value, "exam") == 0;
        h->exam = strcmp(value, "exam") == 0;
        break;
    case 8: {
        unsigned long long seed = 0;
        ok = cli_parse_seed(value, &seed) == 0;
        h->seed = seed;
        break;
    }
    case 9: ok = journal_parse_time(value, &h->started) == 0; break;
    case 10:
        ok = value[0] != '\0';
        if (ok)
            h->catalog = sk_xstrdup(value);
        break;
    case 11: {
        char id[72];
        int task = 0, tasks = 0, used = 0;
        ok = sscanf(value, "%71s %d %d %n", id, &task, &tasks, &used) == 3 && used > 0 &&
             text_is_identifier(id) && task >= 1 && task <= tasks && tasks <= 20;
        if (ok) {
            h->set_title = parse_quoted(value + used, 300, NULL);
            ok = h->set_title != NULL;
        }
        if (ok) {
            h->set_id = sk_xstrdup(id);
            h->set_task = task;
            h->set_tasks = tasks;
        }
        break;
    }
    }
    if (!ok) {
        snprintf(why, whysize, "ugyldig verdi for «%s»: «%.60s»", keys[k], value);
        return -1;
    }
    return 0;
}

/* Every key a header must have was seen (else -1, naming the first missing). */
static int header_complete(const char *name, int line, unsigned seen, char *err,
                           size_t errsize)
{
    static const char *const needed[] = {"engine", "scenario", "sha256", "id", "title",
                                         "trainee", "mode", "seed", "started"};
    for (int i = 0; i < 9; i++)
        if (!(seen & (1u << (i + 1)))) {
            snprintf(err, errsize, "%s:%d: hodet mangler «# %s»", name, line, needed[i]);
            return -1;
        }
    return 0;
}

/* A record line without its newline: checks the trailer " #j MS CRC" (or a
 * marker "#j WORD MS CRC"). Returns 1 for an action (body is the action text,
 * body_len long), 2 for a marker (word set), -1 if damaged (why). */
static int record_line(const char *line, size_t n, size_t *body_len, char *word,
                       size_t wordsize, long long *ms, char *why, size_t whysize)
{
    if (n < 14 || line[n - 9] != ' ') {
        snprintf(why, whysize, "ufullstendig linje");
        return -1;
    }
    uint32_t crc = 0;
    for (size_t i = n - 8; i < n; i++) {
        char c = line[i];
        int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (v < 0) {
            snprintf(why, whysize, "ufullstendig linje");
            return -1;
        }
        crc = crc << 4 | (uint32_t)v;
    }
    if (crc32_of(line, n - 9) != crc) {
        snprintf(why, whysize, "kontrollsummen stemmer ikke (linjen er skadet eller endret)");
        return -1;
    }
    /* the elapsed milliseconds before the checksum */
    size_t end = n - 9, start = end;
    while (start > 0 && line[start - 1] >= '0' && line[start - 1] <= '9')
        start--;
    if (start == end || end - start > 15 || start < 4) {
        snprintf(why, whysize, "ufullstendig linje");
        return -1;
    }
    long long v = 0;
    for (size_t i = start; i < end; i++)
        v = v * 10 + (line[i] - '0');
    *ms = v;
    if (n >= 3 && strncmp(line, "#j ", 3) == 0) {
        /* "#j WORD MS" */
        size_t wlen = start - 1 - 3;
        if (line[start - 1] != ' ' || wlen == 0 || wlen >= wordsize) {
            snprintf(why, whysize, "ufullstendig linje");
            return -1;
        }
        memcpy(word, line + 3, wlen);
        word[wlen] = '\0';
        return 2;
    }
    if (start < 5 || strncmp(line + start - 4, " #j ", 4) != 0) {
        snprintf(why, whysize, "ufullstendig linje");
        return -1;
    }
    *body_len = start - 4;
    return 1;
}

int journal_parse(const char *name, const char *text, size_t len, Journal *out, char *err,
                  size_t errsize)
{
    memset(out, 0, sizeof *out);
    out->sessions = 1;
    if (len == 0) {
        snprintf(err, errsize, "%s: filen er tom; ikke en journal fra Skranken", name);
        return -1;
    }
    char first[64];
    snprintf(first, sizeof first, "# %s %d\n", JOURNAL_FORMAT, JOURNAL_VERSION);
    if (len < strlen(first) || memcmp(text, first, strlen(first)) != 0) {
        int version = 0;
        char tail = 0;
        char head[64] = "";
        size_t hn = len < sizeof head - 1 ? len : sizeof head - 1;
        memcpy(head, text, hn);
        head[hn] = '\0';
        if (sscanf(head, "# skranken-journal %d%c", &version, &tail) == 2 && tail == '\n' &&
            version != JOURNAL_VERSION)
            snprintf(err, errsize, "%s:1: journalformat %d kjennes ikke (denne Skranken leser %d)",
                     name, version, JOURNAL_VERSION);
        else
            snprintf(err, errsize, "%s:1: ikke en journal fra Skranken (første linje skal være "
                                   "«# %s %d»)",
                     name, JOURNAL_FORMAT, JOURNAL_VERSION);
        return -1;
    }
    const char *p = text, *end = text + len;
    int line = 0, in_header = 1;
    unsigned seen = 0;
    long long session_ms = 0;
    SimTime last_t = -1;
    StrBuf buf;
    strbuf_init(&buf);
    char why[300];
    while (p < end) {
        line++;
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        const char *next = nl ? nl + 1 : end;
        int is_last = next >= end;
        if (line == 1) {
            p = next;
            continue;
        }
        if (in_header && n >= 2 && p[0] == '#' && p[1] == ' ') {
            if (!nl) {
                snprintf(err, errsize, "%s:%d: hodet er ufullstendig", name, line);
                goto fail;
            }
            if (memchr(p, '\0', n)) {
                snprintf(err, errsize, "%s:%d: binært innhold (NUL-byte)", name, line);
                goto fail;
            }
            strbuf_clear(&buf);
            strbuf_addn(&buf, p, n);
            if (header_line(&out->h, &seen, buf.data, why, sizeof why) != 0) {
                snprintf(err, errsize, "%s:%d: %s", name, line, why);
                goto fail;
            }
            p = next;
            continue;
        }
        if (in_header) {
            if (header_complete(name, line, seen, err, errsize) != 0)
                goto fail;
            in_header = 0;
            out->good_len = (long long)(p - text);
        }
        /* A record. A last line without its newline, or a last line that does not
         * check out, is a record torn by a crash or kill: it never took effect. */
        size_t body = 0;
        char word[16];
        long long ms = 0;
        int kind = memchr(p, '\0', n) ? -1
                                      : record_line(p, n, &body, word, sizeof word, &ms, why,
                                                    sizeof why);
        if (kind < 0 && memchr(p, '\0', n))
            snprintf(why, sizeof why, "binært innhold (NUL-byte)");
        Action a;
        memset(&a, 0, sizeof a);
        if (kind == 1) {
            strbuf_clear(&buf);
            strbuf_addn(&buf, p, body);
            char msg[256];
            int r = text_is_clean_utf8(buf.data, buf.len)
                        ? action_parse_line(buf.data, &a, msg, sizeof msg)
                        : (snprintf(msg, sizeof msg, "ikke gyldig UTF-8-tekst"), -1);
            if (r <= 0) {
                if (r == 0)
                    snprintf(msg, sizeof msg, "ingen handling på linjen");
                snprintf(why, sizeof why, "%s", msg);
                kind = -1;
            } else if (out->finishing) {
                snprintf(why, sizeof why, "en handling etter at forsøket ble avsluttet");
                action_free(&a);
                kind = -1;
            } else if (a.t < last_t) {
                char tb[16];
                snprintf(why, sizeof why, "klokkeslettet %s er før linjen over",
                         simtime_format(a.t, tb, sizeof tb));
                action_free(&a);
                kind = -1;
            }
        } else if (kind == 2 && strcmp(word, "resumed") != 0 && strcmp(word, "finish") != 0) {
            snprintf(why, sizeof why, "ukjent merke «%s»", word);
            kind = -1;
        }
        if (kind < 0 || !nl) {
            if (kind == 1)
                action_free(&a);
            if (is_last) {
                out->torn = line;
                break;
            }
            snprintf(err, errsize, "%s:%d: skadet linje i journalen: %s", name, line, why);
            goto fail;
        }
        if (kind == 1) {
            last_t = a.t;
            size_t ocap = out->actions.cap;
            SK_GROW(out->actions.items, out->actions.count, out->actions.cap);
            if (out->actions.cap != ocap)
                out->offsets = sk_xrealloc(out->offsets, out->actions.cap * sizeof *out->offsets);
            out->offsets[out->actions.count] = (long long)(p - text);
            out->actions.items[out->actions.count].action = a;
            out->actions.items[out->actions.count].line = line;
            out->actions.count++;
        } else if (strcmp(word, "resumed") == 0) {
            out->played_ms += session_ms;
            session_ms = 0;
            out->sessions++;
        } else {
            out->finishing = 1;
        }
        if (ms > session_ms)
            session_ms = ms;
        out->good_len = (long long)(next - text);
        p = next;
    }
    if (in_header) { /* no records yet: the trainee has not acted */
        if (header_complete(name, line + 1, seen, err, errsize) != 0)
            goto fail;
        out->good_len = (long long)len;
    }
    out->played_ms += session_ms;
    strbuf_free(&buf);
    out->path = sk_xstrdup(name);
    return 0;
fail:
    strbuf_free(&buf);
    journal_free(out);
    return -1;
}

int journal_load(const char *path, Journal *out, char *err, size_t errsize)
{
    char *text = NULL;
    size_t len = 0;
    memset(out, 0, sizeof *out);
    if (file_read_all(path, JOURNAL_MAX_BYTES, &text, &len, err, errsize) != 0)
        return -1;
    int rc = journal_parse(path, text, len, out, err, errsize);
    free(text);
    return rc;
}

size_t journal_list(const char *dir, char ***out)
{
    return file_list_dir(dir, JOURNAL_SUFFIX, out);
}

const char *journal_scenario_problem(const Journal *j, char *buf, size_t size)
{
    char *text = NULL, err[1024];
    size_t len = 0;
    if (j->path && file_in_use(j->path)) {
        snprintf(buf, size, "forsøket er åpent i en annen Skranken akkurat nå");
        return buf;
    }
    if (!file_exists(j->h.scenario_path)) {
        snprintf(buf, size, "scenariofila %s finnes ikke lenger", j->h.scenario_path);
        return buf;
    }
    if (file_read_all(j->h.scenario_path, SCENARIO_MAX_SOURCE, &text, &len, err, sizeof err) != 0) {
        snprintf(buf, size, "%s", err);
        return buf;
    }
    char sha[65];
    sha256_hex(text, len, sha);
    free(text);
    if (strcmp(sha, j->h.sha256) != 0) {
        snprintf(buf, size, "scenariofila %s er endret siden forsøket begynte", j->h.scenario_path);
        return buf;
    }
    return NULL;
}
