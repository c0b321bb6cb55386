/* Makes COUNT report files for tools/bench-summary.sh out of real ones (played
 * by skranken run from the recorded playthroughs): each copy gets a trainee
 * from a made-up class list, a seed and wall-clock times spread over a term,
 * so the summary sees many trainees with several attempts each.
 *
 *   gen_reports BASE_DIR OUT_DIR COUNT
 *
 * Only the values of "trainee", "seed", "started" and "finished" change; the
 * rest of each file (results, timeline, inputs) is the real report. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const first_names[] = {
    "Kari", "Ola", "Åse", "Bjørn", "Ingrid", "Sindre", "Æsa", "Øystein", "Nora", "Emil",
    "Sofie", "Jonas", "Amalie", "Mohammed", "Leah", "Aksel", "Hanne", "Tobias", "Maja", "Filip",
};
static const char *const last_names[] = {
    "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
    "Jensen", "Karlsen", "Ødegård", "Bakke", "Åsheim", "Haugen", "Lie", "Berg", "Dahl",
    "Strøm", "Ali", "Nguyen",
};
#define NFIRST (sizeof first_names / sizeof first_names[0])
#define NLAST (sizeof last_names / sizeof last_names[0])

typedef struct Base {
    char *text;
    size_t len;
} Base;

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            cap *= 2;
            buf = realloc(buf, cap);
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Writes text with the value of the first "key": replaced by value (already
 * JSON). Returns the offset after the old value, or 0 if the key is absent. */
static size_t find_value(const char *text, size_t len, const char *key, size_t from,
                         size_t *start)
{
    char pat[64];
    snprintf(pat, sizeof pat, "\"%s\":", key);
    size_t plen = strlen(pat);
    for (size_t i = from; i + plen <= len; i++) {
        if (memcmp(text + i, pat, plen) != 0)
            continue;
        size_t v = i + plen;
        while (v < len && (text[v] == ' ' || text[v] == '\t'))
            v++;
        *start = v;
        size_t e = v;
        if (e < len && text[e] == '"') {
            e++;
            while (e < len && text[e] != '"')
                e += text[e] == '\\' ? 2 : 1;
            e++;
        } else {
            while (e < len && text[e] != ',' && text[e] != '\n' && text[e] != '}')
                e++;
        }
        return e;
    }
    return 0;
}

static void iso(long long t, char *buf, size_t size)
{
    time_t tt = (time_t)t;
    struct tm tm;
    gmtime_r(&tt, &tm);
    strftime(buf, size, "\"%Y-%m-%dT%H:%M:%SZ\"", &tm);
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "bruk: gen_reports BASE_DIR OUT_DIR COUNT\n");
        return 2;
    }
    const char *base_dir = argv[1], *out_dir = argv[2];
    long count = strtol(argv[3], NULL, 10);
    if (count <= 0) {
        fprintf(stderr, "gen_reports: COUNT må være et positivt tall\n");
        return 2;
    }
    DIR *d = opendir(base_dir);
    if (!d) {
        perror(base_dir);
        return 2;
    }
    char **names = NULL;
    size_t nn = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);
        if (l > 5 && strcmp(e->d_name + l - 5, ".json") == 0) {
            names = realloc(names, (nn + 1) * sizeof *names);
            names[nn++] = strdup(e->d_name);
        }
    }
    closedir(d);
    if (nn == 0) {
        fprintf(stderr, "gen_reports: ingen rapporter i %s\n", base_dir);
        return 2;
    }
    qsort(names, nn, sizeof *names, cmp_str);
    Base *bases = calloc(nn, sizeof *bases);
    for (size_t i = 0; i < nn; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", base_dir, names[i]);
        bases[i].text = read_file(path, &bases[i].len);
        if (!bases[i].text) {
            perror(path);
            return 2;
        }
    }
    long trainees = count / 25 > 0 ? count / 25 : 1;
    unsigned long long rng = 20261122;
    const long long term_start = 1787040000LL; /* 2026-08-18T08:00:00Z */
    for (long k = 0; k < count; k++) {
        long t = k % trainees, attempt = k / trainees;
        rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
        const Base *b = &bases[(rng >> 33) % nn];
        char trainee[128], seed[32], started[40], finished[40];
        if ((size_t)t < NFIRST * NLAST)
            snprintf(trainee, sizeof trainee, "\"%s %s\"", first_names[t % NFIRST],
                     last_names[(t / NFIRST) % NLAST]);
        else
            snprintf(trainee, sizeof trainee, "\"%s %s %ld\"", first_names[t % NFIRST],
                     last_names[(t / NFIRST) % NLAST], t / (long)(NFIRST * NLAST) + 1);
        snprintf(seed, sizeof seed, "%llu", (rng >> 20) % 1000000);
        long long when = term_start + attempt * 86400LL + t * 37LL;
        iso(when, started, sizeof started);
        iso(when + 300 + (long long)((rng >> 40) % 900), finished, sizeof finished);
        const char *keys[4] = {"trainee", "seed", "started", "finished"};
        const char *values[4] = {trainee, seed, started, finished};
        char path[4096];
        snprintf(path, sizeof path, "%s/r%06ld.json", out_dir, k);
        FILE *f = fopen(path, "wb");
        if (!f) {
            perror(path);
            return 2;
        }
        size_t pos = 0;
        for (int i = 0; i < 4; i++) {
            size_t start = 0, end = find_value(b->text, b->len, keys[i], pos, &start);
            if (!end)
                continue;
            fwrite(b->text + pos, 1, start - pos, f);
            fputs(values[i], f);
            pos = end;
        }
        fwrite(b->text + pos, 1, b->len - pos, f);
        if (fclose(f) != 0) {
            perror(path);
            return 2;
        }
    }
    for (size_t i = 0; i < nn; i++) {
        free(names[i]);
        free(bases[i].text);
    }
    free(names);
    free(bases);
    return 0;
}
