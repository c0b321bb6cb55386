/* The attempt journal (docs/journal.md): one text file per unfinished attempt
 * in <data dir>/journal/. A header of "# key value" lines says what is played
 * (scenario file and its SHA-256, trainee, mode, seed, start); then one record
 * per action, each an inputs-file line (docs/inputs-format.md) with a trailer
 * "#j MS CRC", written and synced before the action takes effect. A journal is
 * itself a valid inputs file. This module reads and writes the text only; the
 * attempt (attempt.c) keeps the file. */
#ifndef SKRANKEN_JOURNAL_H
#define SKRANKEN_JOURNAL_H

#include "core/inputs.h"
#include "core/strbuf.h"

#include <stdint.h>
#include <time.h>

#define JOURNAL_FORMAT "skranken-journal"
#define JOURNAL_VERSION 1
#define JOURNAL_SUFFIX ".journal"
/* A journal larger than this is not read (an inputs file is at most 8 MiB). */
#define JOURNAL_MAX_BYTES ((size_t)16 << 20)

typedef struct JournalHeader {
    char *engine_version;
    char *scenario_path;      /* absolute */
    char sha256[65];          /* of the scenario file text when the attempt began */
    char *scenario_id;
    char *title;
    char *trainee;
    int exam;
    uint64_t seed;
    time_t started;           /* wall clock, UTC */
    char *catalog;            /* the --catalog file given, else NULL (the shipped one) */
    /* an exam set's task: set_task > 0 */
    char *set_id, *set_title;
    int set_task, set_tasks;
} JournalHeader;

typedef struct Journal {
    char *path;
    JournalHeader h;
    InputsFile actions;       /* the journaled actions, with their line numbers */
    long long *offsets;       /* where each action's record begins in the file */
    long long played_ms;      /* wall time played in all sessions, up to each one's last record */
    int sessions;             /* 1 + the number of resumptions */
    int finishing;            /* a "finish" record: the trainee had asked to finish */
    long long good_len;       /* bytes up to the end of the last complete record */
    int torn;                 /* a half-written last line was ignored (its line number) */
} Journal;

/* Parses a journal's text; name is used in messages ("name:line: ..."). Returns
 * 0, or -1 with one bokmål line in err (out is then empty, safe to free). */
int journal_parse(const char *name, const char *text, size_t len, Journal *out, char *err,
                  size_t errsize);
/* Reads and parses the file. */
int journal_load(const char *path, Journal *out, char *err, size_t errsize);
void journal_free(Journal *j);
void journal_header_free(JournalHeader *h);

/* The header text (ends with a newline). Returns NULL with a message in err if a
 * value cannot be written in a journal (e.g. a line break in a path). */
char *journal_render_header(const JournalHeader *h, char *err, size_t errsize);
/* One record line (with its newline): an action, or a marker ("resumed",
 * "finish"); ms is the wall time played in this session so far. */
void journal_format_action(const Action *action, long long ms, StrBuf *out);
void journal_format_marker(const char *word, long long ms, StrBuf *out);

/* ISO 8601 UTC "2026-11-22T10:00:00Z" and back (-1 if malformed). */
void journal_format_time(time_t t, char *buf, size_t size);
int journal_parse_time(const char *text, time_t *out);

/* Why the journal's attempt cannot be resumed now (another Skranken has it
 * open; its scenario file is gone, unreadable or changed: another SHA-256), in
 * buf; or NULL if it can. */
const char *journal_scenario_problem(const Journal *j, char *buf, size_t size);

/* The journals (*.journal) of a folder, sorted by name; caller frees each and
 * the list. */
size_t journal_list(const char *dir, char ***out);

#endif
