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

/* Every argument cli_parse sees is checked: at most CLI_MAX_ARGUMENT bytes and no
 * control characters (a file name with a newline or an escape sequence, a name
 * meant to break a message into lines). Prints one line and returns -1 if not. */
#define CLI_MAX_ARGUMENT 1024
int cli_check_argument(const char *command, const char *arg);

/* A seed as given on the command line or in a journal: decimal digits only,
 * 0 ... CLI_MAX_SEED (2^53 - 1, exact in every JSON reader). 0, or -1. */
#define CLI_MAX_SEED 9007199254740991ULL
int cli_parse_seed(const char *text, unsigned long long *out);

/* The option with that name (which must be in the table). */
CliOption *cli_option(CliOption *options, const char *name);

/* Prints "skranken <command>: <message>" and a hint; returns 2. */
int cli_usage_error(const char *command, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Makes stdout and stderr show control characters other than newline and tab as
 * '?': file names from the command line and texts from untrusted scenarios and
 * reports reach the terminal in messages and debriefs, and an escape sequence
 * among them must not drive the terminal. Call once, first thing in main. */
void cli_guard_streams(void);

#endif
