/* skranken summary: the class at a glance over a folder of collected reports
 * (docs/summary.md). Finds the files, reads them (a broken one is named and
 * skipped, the rest still summarised), prints the summary and writes the CSV
 * and HTML files. */
#include "commands.h"
#include "core/alloc.h"
#include "core/file.h"
#include "core/strbuf.h"
#include "report/summary.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_DEPTH 32 /* folders inside folders; deeper ones are named and left */

static void print_summary_help(void)
{
    puts("Bruk: skranken summary MAPPE|FIL... [--csv FIL] [--html FIL]\n"
         "\n"
         "Klassen på ett blikk over innsamlede rapporter: elev × mål (beste og siste\n"
         "forsøk), statistikk per scenario, kritiske feil og målene klassen bommer mest\n"
         "på. En MAPPE leses med alle undermapper (alle *.json-filer); en FIL leses\n"
         "uansett navn. Eksamensresultater og andre Skranken-filer som ikke er\n"
         "rapporter hoppes over med en merknad (se docs/summary.md).\n"
         "\n"
         "  --csv FIL    tabell elev × mål for regneark (UTF-8, semikolon)\n"
         "  --html FIL   én selvstendig HTML-fil med fargekart, søyler og tabeller\n"
         "\n"
         "CSV- og HTML-filen erstatter en tidligere fil med samme navn (men aldri en\n"
         "JSON-fil). En fil som ikke kan leses nevnes og hoppes over; resten\n"
         "oppsummeres likevel.\n"
         "\n"
         "Avslutningskoder: 0 ok, 1 én eller flere filer ble hoppet over,\n"
         "2 feil bruk, ingen rapporter å oppsummere, eller CSV/HTML kunne ikke skrives.");
}

/* One line on stderr; file names from the disk are made printable. */
static void say(const char *kind, const char *message)
{
    char *shown = summary_display_path(message);
    fprintf(stderr, "skranken summary: %s%s\n", kind, shown);
    free(shown);
}

/* qsort, but never handed a null array (an empty list may have none). */
static void sort_items(void *base, size_t count, size_t size,
                       int (*cmp)(const void *, const void *))
{
    if (count > 1)
        qsort(base, count, size, cmp);
}

/* ---------------------------------------------------------------- finding the files */

typedef struct Found {
    StrList paths;
    dev_t *dev;
    ino_t *ino;
    size_t cap;
    int errors;
    StrList problems; /* "path\tmessage" for the HTML */
} Found;

static int cmp_name(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

static int ends_with_json(const char *name)
{
    size_t n = strlen(name);
    return n > 5 && strcmp(name + n - 5, ".json") == 0;
}

static void add_found(Found *f, const char *path, const struct stat *st)
{
    if (f->paths.count == f->cap) {
        f->cap = f->cap ? f->cap * 2 : 256;
        f->dev = sk_xrealloc(f->dev, f->cap * sizeof *f->dev);
        f->ino = sk_xrealloc(f->ino, f->cap * sizeof *f->ino);
    }
    f->dev[f->paths.count] = st->st_dev;
    f->ino[f->paths.count] = st->st_ino;
    strlist_push(&f->paths, path);
}

static void error_at(Found *f, const char *path, const char *what)
{
    StrBuf sb;
    strbuf_init(&sb);
    strbuf_addf(&sb, "%s: %s", path, what);
    say("", sb.data);
    StrBuf item;
    strbuf_init(&item);
    strbuf_addf(&item, "%s\t%s", path, sb.data);
    strlist_push(&f->problems, item.data);
    strbuf_free(&item);
    strbuf_free(&sb);
    f->errors++;
}

/* Every *.json regular file under dir, in name order, folders included
 * (hidden entries and symbolic links to folders are left out). */
static void walk(Found *f, const char *dir, int depth, size_t *json_seen)
{
    if (depth > MAX_DEPTH) {
        error_at(f, dir, "for mange mapper inni hverandre; ikke lest");
        return;
    }
    DIR *d = opendir(dir);
    if (!d) {
        StrBuf sb;
        strbuf_init(&sb);
        strbuf_addf(&sb, "kan ikke lese mappen (%s)", strerror(errno));
        error_at(f, dir, sb.data);
        strbuf_free(&sb);
        return;
    }
    StrList names = {0};
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (e->d_name[0] != '.')
            strlist_push(&names, e->d_name);
    closedir(d);
    sort_items(names.items, names.count, sizeof(char *), cmp_name);
    size_t dlen = strlen(dir);
    int slash = dlen > 0 && dir[dlen - 1] == '/';
    for (size_t i = 0; i < names.count; i++) {
        StrBuf path;
        strbuf_init(&path);
        strbuf_addf(&path, "%s%s%s", dir, slash ? "" : "/", names.items[i]);
        struct stat lst, st;
        if (lstat(path.data, &lst) == 0) {
            if (S_ISDIR(lst.st_mode)) {
                walk(f, path.data, depth + 1, json_seen);
            } else if (ends_with_json(names.items[i])) {
                (*json_seen)++;
                if (S_ISREG(lst.st_mode))
                    add_found(f, path.data, &lst); /* no link: lstat said it all */
                else if (stat(path.data, &st) != 0)
                    error_at(f, path.data, "kan ikke leses (lenken peker ingen steder)");
                else if (S_ISREG(st.st_mode))
                    add_found(f, path.data, &st);
                else if (!S_ISDIR(st.st_mode))
                    error_at(f, path.data, "er ikke en vanlig fil");
            }
        }
        strbuf_free(&path);
    }
    strlist_free(&names);
}

static void find_inputs(Found *f, const char *const *args, int count)
{
    for (int i = 0; i < count; i++) {
        struct stat st;
        if (stat(args[i], &st) != 0) {
            error_at(f, args[i], errno == ENOENT ? "finnes ikke" : "kan ikke leses");
        } else if (S_ISDIR(st.st_mode)) {
            size_t json_seen = 0;
            walk(f, args[i], 0, &json_seen);
            if (json_seen == 0) {
                StrBuf sb;
                strbuf_init(&sb);
                strbuf_addf(&sb, "%s: ingen .json-filer i mappen", args[i]);
                say("merk: ", sb.data);
                strbuf_free(&sb);
            }
        } else if (S_ISREG(st.st_mode)) {
            add_found(f, args[i], &st);
        } else {
            error_at(f, args[i], "er ikke en vanlig fil eller mappe");
        }
    }
}

static const Found *sort_found; /* qsort has no context argument in C11 */

static int cmp_file_id(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    const Found *f = sort_found;
    if (f->dev[a] != f->dev[b])
        return f->dev[a] < f->dev[b] ? -1 : 1;
    if (f->ino[a] != f->ino[b])
        return f->ino[a] < f->ino[b] ? -1 : 1;
    return a < b ? -1 : a > b;
}

/* The same file named twice (a folder and a file in it, a link): read once,
 * with a note. Returns, per path, 1 for the later mentions. */
static char *mark_same_files(const Found *f, Summary *summary)
{
    size_t n = f->paths.count;
    char *dup = sk_xcalloc(n ? n : 1, 1);
    size_t *order = sk_xmalloc((n ? n : 1) * sizeof *order);
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    sort_found = f;
    sort_items(order, n, sizeof *order, cmp_file_id);
    sort_found = NULL;
    size_t run = 0; /* where the current file's mentions start in order */
    for (size_t i = 1; i < n; i++) {
        size_t a = order[run], b = order[i];
        if (f->dev[a] != f->dev[b] || f->ino[a] != f->ino[b]) {
            run = i;
            continue;
        }
        dup[b] = 1;
        StrBuf sb;
        strbuf_init(&sb);
        strbuf_addf(&sb, "%s: samme fil som %s; lest én gang", f->paths.items[b],
                    f->paths.items[a]);
        say("merk: ", sb.data);
        summary_add_note(summary, sb.data);
        strbuf_free(&sb);
    }
    free(order);
    return dup;
}

/* ---------------------------------------------------------------- output files */

/* Usage errors found before anything is read: where the file goes, and never
 * over something that looks like a report (a JSON file). */
static int check_output(const char *option, const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return cli_usage_error("summary", "%s %s: er en mappe", option, path);
        if (!S_ISREG(st.st_mode))
            return cli_usage_error("summary", "%s %s: er ikke en vanlig fil", option, path);
        FILE *fp = fopen(path, "rb");
        if (fp) {
            char head[8] = {0};
            size_t n = fread(head, 1, sizeof head, fp);
            fclose(fp);
            size_t i = n >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
            while (i < n && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' ||
                             head[i] == '\t'))
                i++;
            if (i < n && (head[i] == '{' || head[i] == '['))
                return cli_usage_error("summary",
                                       "%s %s: filen ser ut som JSON (en rapport?) og skrives "
                                       "ikke over", option, path);
        }
        return 0;
    }
    char *dir = sk_xstrdup(path);
    char *slash = strrchr(dir, '/');
    int rc = 0;
    if (slash) {
        if (slash == dir)
            slash[1] = '\0';
        else
            *slash = '\0';
        if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
            rc = cli_usage_error("summary", "%s %s: mappen %s finnes ikke", option, path, dir);
    }
    free(dir);
    return rc;
}

static int write_output(const char *path, const StrBuf *text)
{
    char err[512];
    if (file_replace(path, text->data ? text->data : "", text->len, err, sizeof err) != 0) {
        say("", err);
        return -1;
    }
    return 0;
}

/* "2026-11-22 10:00" local time, or from SOURCE_DATE_EPOCH (UTC) when set, so a
 * build or a test can make the page byte for byte the same. */
static void generated_time(char *buf, size_t size)
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    struct tm tm;
    if (sde && *sde && strspn(sde, "0123456789") == strlen(sde) && strlen(sde) <= 12) {
        time_t t = (time_t)strtoll(sde, NULL, 10);
        gmtime_r(&t, &tm);
        strftime(buf, size, "%Y-%m-%d %H:%M UTC", &tm);
        return;
    }
    time_t now = time(NULL);
    localtime_r(&now, &tm);
    strftime(buf, size, "%Y-%m-%d %H:%M", &tm);
}

/* ---------------------------------------------------------------- the command */

#define READ_CHUNK 1024 /* files read at once, so memory stays bounded */

/* One reader per processor (SKRANKEN_SUMMARY_THREADS overrides, 1-8). */
static int reader_threads(void)
{
    const char *env = getenv("SKRANKEN_SUMMARY_THREADS");
    if (env && *env >= '1' && *env <= '8' && env[1] == '\0')
        return *env - '0';
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > SUMMARY_MAX_THREADS ? SUMMARY_MAX_THREADS : (int)n;
}

int cmd_summary(int argc, char **argv)
{
    CliOption opts[] = {
        {"--csv", 1, NULL, 0},
        {"--html", 1, NULL, 0},
        {"--help", 0, NULL, 0},
        {NULL, 0, NULL, 0},
    };
    int max = argc > 2 ? argc - 2 : 1, npos = 0;
    const char **pos = sk_xmalloc((size_t)max * sizeof *pos);
    if (cli_parse("summary", argc, argv, 2, opts, pos, max, &npos) != 0) {
        free(pos);
        return 2;
    }
    if (cli_option(opts, "--help")->seen) {
        free(pos);
        print_summary_help();
        return 0;
    }
    const char *csv = cli_option(opts, "--csv")->value;
    const char *html = cli_option(opts, "--html")->value;
    int rc = 2;
    if (npos == 0) {
        free(pos);
        return cli_usage_error("summary", "MAPPE eller FIL mangler");
    }
    if (csv && html && strcmp(csv, html) == 0) {
        free(pos);
        return cli_usage_error("summary", "--csv og --html kan ikke være samme fil");
    }
    if ((csv && check_output("--csv", csv) != 0) || (html && check_output("--html", html) != 0)) {
        free(pos);
        return 2;
    }

    Found found = {0};
    find_inputs(&found, pos, npos);
    free(pos);
    Summary *s = summary_new();
    int skipped = found.errors;
    char *same = mark_same_files(&found, s);
    for (size_t i = 0; i < found.problems.count; i++) {
        char *item = found.problems.items[i], *tab = strchr(item, '\t');
        *tab = '\0';
        summary_add_skipped(s, item, tab + 1);
    }
    /* read in batches, several at once; added and reported in file order */
    size_t n = found.paths.count;
    const char **batch = sk_xmalloc(READ_CHUNK * sizeof *batch);
    SummaryRead *got = sk_xmalloc(READ_CHUNK * sizeof *got);
    int threads = reader_threads();
    for (size_t first = 0; first < n;) {
        size_t k = 0;
        for (; first < n && k < READ_CHUNK; first++)
            if (!same[first])
                batch[k++] = found.paths.items[first];
        summary_read_files(batch, k, threads, got);
        for (size_t i = 0; i < k; i++) {
            if (got[i].status == SUMMARY_READ_OK) {
                summary_add(s, &got[i].report, batch[i]);
                report_file_free(&got[i].report);
            } else if (got[i].status == SUMMARY_READ_OTHER) {
                say("merk: ", got[i].message);
                summary_add_note(s, got[i].message);
            } else {
                say("", got[i].message);
                summary_add_skipped(s, batch[i], got[i].message);
                skipped++;
            }
        }
    }
    free(batch);
    free(got);
    StrList notes = {0};
    summary_finish(s, &notes);
    for (size_t i = 0; i < notes.count; i++)
        say("merk: ", notes.items[i]);
    strlist_free(&notes);
    if (summary_report_count(s) == 0) {
        fputs("skranken summary: ingen rapporter å oppsummere\n", stderr);
        goto done;
    }

    StrBuf out;
    strbuf_init(&out);
    summary_render_text(s, &out);
    int failed = 0;
    if (fwrite(out.data, 1, out.len, stdout) != out.len || fflush(stdout) != 0) {
        fputs("skranken summary: kunne ikke skrive oversikten til standard ut\n", stderr);
        failed = 1;
    }
    if (csv) {
        strbuf_clear(&out);
        summary_render_csv(s, &out);
        failed |= write_output(csv, &out) != 0;
    }
    if (html) {
        char when[64];
        generated_time(when, sizeof when);
        strbuf_clear(&out);
        summary_render_html(s, when, &out);
        failed |= write_output(html, &out) != 0;
    }
    strbuf_free(&out);
    rc = failed ? 2 : skipped ? 1 : 0;
done:
    summary_free(s);
    free(same);
    strlist_free(&found.paths);
    strlist_free(&found.problems);
    free(found.dev);
    free(found.ino);
    return rc;
}
