/* The graphical front desk. The program's app layer hands the UI a host: a
 * struct of functions that start, drive, finish and save attempts, so the UI
 * never touches reports or files of its own except its settings. The UI reads
 * the scenario's world to draw it and turns clicks and keys into the same
 * actions as the headless runner's inputs file. */
#ifndef SKRANKEN_UI_H
#define SKRANKEN_UI_H

#include "assess/catalog.h"
#include "assess/scoring.h"
#include "core/action.h"
#include "core/strbuf.h"
#include "script/scenario.h"

#include <stddef.h>
#include <stdint.h>

typedef struct UiLibraryEntry {
    char *path;          /* scenario file */
    char *id, *title, *summary;
    int minutes, difficulty;
    int practice, exam;  /* modes it allows */
    StrList goals;       /* goal ids it assesses */
    int best_grade;      /* best earlier result of this trainee, 0 if none */
    int best_points, best_max;
    char *error;         /* the load error if it cannot be played, else NULL */
    int is_exam;         /* an exam set: its scenarios are played in turn, in exam mode */
} UiLibraryEntry;

/* One line of an exam's result, for the summary screen. */
typedef struct UiExamLine {
    char title[160];
    int grade, points, max, criticals, passed;
} UiExamLine;

typedef struct UiExamSummary {
    char title[200];
    UiExamLine lines[20];
    int count;
    int passed, grade, average_centi;
    char rule[300];          /* the pass rule, in words */
    char summary_path[1024]; /* where the exam summary was saved ("" if not) */
    char error[512];
} UiExamSummary;

/* An unfinished attempt the host found (its journal, docs/journal.md), as the
 * library's resume dialog shows it. */
typedef struct UiResumeOffer {
    char title[300];          /* the scenario's title (from the journal) */
    char trainee[128];
    long long started;        /* wall clock, seconds since the epoch */
    char reached[16];         /* simulated time of the last action ("" if none) */
    int actions;              /* actions played */
    int exam;                 /* exam mode */
    int finishing;            /* the trainee had asked to finish (report not saved) */
    char exam_set[320];       /* the exam set's title if a task of one, else "" */
    int set_task, set_tasks;
    char file[256];           /* the journal's file name (no folder) */
    char scenario_path[1024]; /* for "Prøv igjen" after it is finished */
    uint64_t seed;
    char problem[700];        /* why it cannot be resumed, or "" */
} UiResumeOffer;

typedef enum UiActResult {
    UI_ACT_OK = 0,
    UI_ACT_MISMATCH = 1,
    UI_ACT_FAULT = 2,
    UI_ACT_NOT_SAVED = 3 /* the journal could not be written: nothing happened */
} UiActResult;

typedef struct UiHost {
    void *ctx;
    /* The scenario library (re-read for a trainee name, for best results). */
    size_t (*library_count)(void *ctx);
    const UiLibraryEntry *(*library_entry)(void *ctx, size_t index);
    void (*library_refresh)(void *ctx, const char *trainee);
    /* Starts an attempt. 0, or -1 with "file:line: message" in err, or -2 when
     * the attempt could not be kept on disk (its journal; err says why). */
    int (*start)(void *ctx, const char *path, const char *trainee, int exam, uint64_t seed,
                 char *err, size_t errsize);
    Scenario *(*scenario)(void *ctx);
    /* Applies an action at its time (advancing first). */
    UiActResult (*act)(void *ctx, const Action *action, char *err, size_t errsize);
    /* Runs everything due up to t. 0, or -1 on a scenario fault (message in err). */
    int (*advance)(void *ctx, SimTime t, char *err, size_t errsize);
    /* Plays to the end, scores, saves the report; report_path gets its path.
     * 0, -1 on a scenario fault, -2 when the report could not be saved (err). */
    int (*finish)(void *ctx, char *report_path, size_t pathsize, char *err, size_t errsize);
    const Assessment *(*assessment)(void *ctx);
    const Catalog *(*catalog)(void *ctx);
    /* Drops the current attempt without a report. */
    void (*abandon)(void *ctx);
    /* Hot reload (F5): reads the scenario file of the last start again from disk
     * and starts a fresh attempt with the same trainee, seed and mode; the
     * current attempt, if any, is dropped without a report. 0, or -1 with
     * "file:line: message" in err, or -2 as start (no attempt is active then).
     * The UI offers it
     * in practice mode only. May be NULL (no hot reload). */
    int (*reload)(void *ctx, char *err, size_t errsize);
    /* Exam sets (library entries with is_exam). exam_begin starts the set;
     * exam_next gives the next scenario to play (1) or says the set is done (0);
     * exam_end computes the result by the pass rule, saves the exam summary and
     * fills out. exam_minutes is the set's wall-clock limit. */
    int (*exam_begin)(void *ctx, size_t index, const char *trainee, char *err, size_t errsize);
    int (*exam_next)(void *ctx, char *path, size_t pathsize, uint64_t *seed, int *number,
                     int *count);
    int (*exam_minutes)(void *ctx);
    void (*exam_end)(void *ctx, UiExamSummary *out);
    /* Where the settings file lives (NULL: settings are not kept). */
    const char *(*settings_path)(void *ctx);
    /* Unfinished attempts (docs/journal.md). The host finds them (its journals);
     * the library offers them. resume_offer fills out (0, or -1 if index is out
     * of range). resume replays offer index and makes it the current attempt,
     * at the simulated time of its last action: 0, 1 if the trainee had asked to
     * finish it (the UI finishes it at once), or -1 with the reason in err (the
     * offer stays, with the reason as its problem). resume_discard moves the
     * journal aside (kept, no longer offered). Either removes the offer. Any of
     * them may be NULL (nothing offered). */
    size_t (*resume_count)(void *ctx);
    int (*resume_offer)(void *ctx, size_t index, UiResumeOffer *out);
    int (*resume)(void *ctx, size_t index, char *err, size_t errsize);
    int (*resume_discard)(void *ctx, size_t index, char *err, size_t errsize);
    /* Drops the current attempt without a report but keeps it resumable (the
     * window is closed mid-attempt). May be NULL (abandon is used). */
    void (*suspend)(void *ctx);
    /* Saves the finished attempt's report again after finish returned -2 (e.g.
     * once there is space on the disk). 0 with report_path set, or -1 (err).
     * May be NULL. */
    int (*save_again)(void *ctx, char *report_path, size_t pathsize, char *err, size_t errsize);
} UiHost;

typedef struct UiOptions {
    const char *lang;            /* "nb" (default) or "en" */
    const char *trainee;         /* preset name, or NULL */
    const char *scenario_path;   /* open straight into this scenario, or NULL */
    int exam;
    uint64_t seed;
    int seed_given;
    double speed;                /* simulated seconds per real second (default 1) */
    int width, height;           /* initial window size (0: 1280 x 720) */
    const char *script_path;     /* test driver: scripted input events, or NULL */
    int exit_after_debrief;      /* test driver: quit once the debrief is shown */
    int resume_first;            /* open straight into the host's first resume offer */
    int exit_after_first_frame;  /* benchmark: print the first frame's time, then quit */
    const char *frame_log;       /* benchmark: redraw continuously, one line per frame */
} UiOptions;

/* 1 if a display can be opened (without opening a window). */
int ui_display_available(char *why, size_t whysize);

/* Runs the GUI until the user quits. Returns the process exit code. */
int ui_run(const UiOptions *opts, const UiHost *host);

#endif
