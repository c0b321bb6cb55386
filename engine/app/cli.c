#include "cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int cli_usage_error(const char *command, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "skranken %s: ", command);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, " (se «skranken %s --help»)\n", command);
    va_end(ap);
    return 2;
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
