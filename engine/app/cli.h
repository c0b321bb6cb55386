/* Command-line options shared by the subcommands. */
#ifndef SKRANKEN_CLI_H
#define SKRANKEN_CLI_H

#include <stddef.h>

typedef struct CliOption {
    const char *name;  /* "--seed" */
    int takes_value;
    const char *value; /* set by cli_parse */
    int seen;
} CliOption;

/* Parses argv[first..] into options and positional arguments (stored in
 * positional, up to max_positional). Prints one line to stderr and returns -1 on
 * an unknown option, a missing value, a repeated option or too many positional
 * arguments. */
int cli_parse(const char *command, int argc, char **argv, int first, CliOption *options,
              const char **positional, int max_positional, int *positional_count);

/* The option with that name (which must be in the table). */
CliOption *cli_option(CliOption *options, const char *name);

/* Prints "skranken <command>: <message>" and a hint; returns 2. */
int cli_usage_error(const char *command, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

#endif
