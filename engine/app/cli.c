#define _GNU_SOURCE /* fopencookie */
#include "cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

int cli_usage_error(const char *command, const char *fmt, ...)
{
    /* One line, whatever the arguments hold: control characters (a newline, an
     * escape sequence for the terminal) from the command line are shown as '?'. */
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    for (char *p = msg; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            *p = '?';
    fprintf(stderr, "skranken %s: %s (se «skranken %s --help»)\n", command, msg, command);
    return 2;
}

int cli_check_argument(const char *command, const char *arg)
{
    size_t n = strlen(arg);
    if (n > CLI_MAX_ARGUMENT) {
        cli_usage_error(command, "et argument er for langt (%zu byte, grensen er %d): «%.40s…»", n,
                        CLI_MAX_ARGUMENT, arg);
        return -1;
    }
    for (const char *p = arg; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f) {
            cli_usage_error(command, "argumentet «%.60s» har et kontrolltegn (linjeskift, "
                                     "tabulator eller escape)", arg);
            return -1;
        }
    return 0;
}

int cli_parse_seed(const char *text, unsigned long long *out)
{
    if (!*text || strlen(text) > 16)
        return -1;
    unsigned long long v = 0;
    for (const char *p = text; *p; p++) {
        if (*p < '0' || *p > '9')
            return -1;
        v = v * 10 + (unsigned long long)(*p - '0');
    }
    if (v > CLI_MAX_SEED)
        return -1;
    *out = v;
    return 0;
}

CliOption *cli_option(CliOption *options, const char *name)
{
    for (CliOption *o = options; o->name; o++)
        if (strcmp(o->name, name) == 0)
            return o;
    return NULL;
}

int cli_parse(const char *command, int argc, char **argv, int first, CliOption *options,
              const char **positional, int max_positional, int *positional_count)
{
    *positional_count = 0;
    int only_positional = 0;
    for (int i = first; i < argc; i++) {
        const char *arg = argv[i];
        if (cli_check_argument(command, arg) != 0)
            return -1;
        if (!only_positional && strcmp(arg, "--") == 0) {
            only_positional = 1;
            continue;
        }
        if (!only_positional && arg[0] == '-' && arg[1] != '\0') {
            const char *eq = strchr(arg, '=');
            size_t n = eq ? (size_t)(eq - arg) : strlen(arg);
            CliOption *o = NULL;
            for (CliOption *c = options; c->name; c++)
                if (strlen(c->name) == n && strncmp(c->name, arg, n) == 0)
                    o = c;
            if (!o) {
                cli_usage_error(command, "ukjent valg «%.*s»", (int)(n > 60 ? 60 : n), arg);
                return -1;
            }
            if (o->seen) {
                cli_usage_error(command, "%s er gitt to ganger", o->name);
                return -1;
            }
            o->seen = 1;
            if (o->takes_value) {
                if (eq) {
                    o->value = eq + 1;
                } else if (i + 1 < argc) {
                    o->value = argv[++i];
                    if (cli_check_argument(command, o->value) != 0)
                        return -1;
                } else {
                    cli_usage_error(command, "%s mangler en verdi", o->name);
                    return -1;
                }
                if (!o->value[0]) {
                    cli_usage_error(command, "%s har en tom verdi", o->name);
                    return -1;
                }
            } else if (eq) {
                cli_usage_error(command, "%s tar ingen verdi", o->name);
                return -1;
            }
            continue;
        }
        if (*positional_count >= max_positional) {
            cli_usage_error(command, "for mange argumenter («%.60s»)", arg);
            return -1;
        }
        positional[(*positional_count)++] = arg;
    }
    return 0;
}

/* The filtering stream behind cli_guard_streams: copies to the real descriptor. */
static ssize_t guard_write(void *cookie, const char *buf, size_t size)
{
    FILE *real = cookie;
    char chunk[1024];
    size_t done = 0;
    while (done < size) {
        size_t n = size - done < sizeof chunk ? size - done : sizeof chunk;
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)buf[done + i];
            chunk[i] = (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f ? '?' : (char)c;
        }
        if (fwrite(chunk, 1, n, real) != n) {
            return done ? (ssize_t)done : -1;
        }
        done += n;
    }
    if (fflush(real) != 0)
        return -1;
    return (ssize_t)size;
}

static FILE *guard(FILE *real, int mode)
{
    cookie_io_functions_t io = {.read = NULL, .write = guard_write, .seek = NULL, .close = NULL};
    FILE *f = fopencookie(real, "w", io);
    if (!f)
        return real;
    setvbuf(real, NULL, _IONBF, 0);
    setvbuf(f, NULL, mode, mode == _IONBF ? 0 : BUFSIZ);
    return f;
}

void cli_guard_streams(void)
{
    stdout = guard(stdout, isatty(fileno(stdout)) ? _IOLBF : _IOFBF);
    stderr = guard(stderr, _IONBF);
}
