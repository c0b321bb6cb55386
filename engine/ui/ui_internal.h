/* Shared by the GUI's screens. */
#ifndef SKRANKEN_UI_INTERNAL_H
#define SKRANKEN_UI_INTERNAL_H

#include "gfx.h"
#include "layout.h"
#include "strings.h"
#include "ui.h"
#include "widgets.h"

typedef enum Screen {
    SCREEN_LIBRARY, SCREEN_DESK, SCREEN_DEBRIEF, SCREEN_ERROR, SCREEN_EXAM_NEXT, SCREEN_EXAM_SUMMARY
} Screen;
typedef enum DeskTab { TAB_RECORD, TAB_TIMEBOK, TAB_INBOX, TAB_LAB, TAB_COUNT } DeskTab;

/* Where each labelled widget was drawn this frame: the test driver clicks by label. */
typedef struct UiHit {
    char label[96];
    UiRect r;
} UiHit;

typedef struct App {
    const UiHost *host;
    UiOptions opts;
    Ui ui;
    Screen screen;
    int width, height;     /* drawable size in pixels */
    int text_percent;      /* text scale, 70-200 */
    int contrast;
    double pixel_ratio;

    /* library */
    StrBuf name;
    int selected;
    int exam;
    char lib_message[256];

    /* attempt */
    char scenario_path[1024];     /* the file of the last start, even if it failed */
    uint64_t seed;
    int reload_ok;                /* F5 may read scenario_path again (practice) */
    int running;
    int paused;
    int frozen;                   /* test driver: the clock stands still, no overlay */
    int hide_paths;               /* test driver: no machine-specific paths on screen */
    SimTime sim_anchor;           /* simulated time at wall_anchor */
    unsigned long long wall_anchor; /* SDL ticks (ms) */
    double speed;

    /* desk */
    char talk_to[72];             /* the person whose conversation is shown */
    StrBuf typed, amount, search;
    StrList hits;
    int searched;
    DeskTab tab;
    int tb_day;
    char tb_doctor[72];
    SimTime tb_time;
    int tb_sel_day, tb_selected, tb_moving;
    int tb_patient;               /* index into the patients list for booking */
    char msg_open[72];
    char lab_task[72];
    char lab_lead[8];
    int label_patient;
    size_t seen_scores;           /* score events already shown as feedback */
    char feedback[512];
    int feedback_kind;            /* 0 none, 1 good, 2 deduction, 3 critical */
    unsigned long long feedback_until;
    char status[512];
    char notice[512];             /* "reloaded: file", shown for a few seconds */
    unsigned long long notice_until;
    int scroll_tool, scroll_timeline;

    /* an exam set in progress */
    int in_exam;
    int exam_number, exam_count;
    unsigned long long exam_deadline;  /* SDL ticks when the set's time is up */
    char exam_next_path[1024];
    uint64_t exam_next_seed;
    UiExamSummary exam_summary;
    int seed_override;                 /* the next attempt uses seed_value */
    uint64_t seed_value;

    /* resuming an unfinished attempt (the library's dialog) */
    size_t resume_skip;           /* offers put off with "Senere" this time: the dialog
                                     shows the next one, and none once all are put off */
    int resume_confirm;           /* "Forkast" pressed: asking to confirm */
    char resume_message[800];     /* why the last resume or discard failed */
    int resumed_pause;            /* paused because the attempt was just resumed */

    /* debrief / error */
    char report_path[1024];
    char report_error[512];
    char error[4096];
    int error_storage;            /* the error is about saving, not the scenario */

    char screenshot[1024];        /* test driver: save the next frame here */
    UiHit hits_frame[256];
    int hit_count;
    int quit;
} App;

void app_hit(App *app, const char *label, UiRect r);

/* screens */
void screen_library(App *app);
void screen_desk(App *app);
void desk_tools(App *app, UiRect tabs, UiRect tool);
void screen_debrief(App *app);
void screen_error(App *app);
void screen_exam_next(App *app);
void screen_exam_summary(App *app);
/* Starts an exam set from the library. */
void app_exam_begin(App *app, size_t index);
void app_exam_start_next(App *app);

/* attempt control (ui.c) */
int app_start_attempt(App *app, const char *path);
/* Resumes the host's offer index (the library's dialog or --resume): the desk at
 * the last action, paused. Returns 0, or -1 (resume_message says why). */
int app_resume_attempt(App *app, size_t index);
/* The library's dialog over an unfinished attempt (screen_library.c). Returns 1
 * if it is shown (the library behind it is inert). */
int library_resume_dialog(App *app);
/* Hot reload: 1 if F5 reloads on this screen (desk, debrief or error of a
 * practice attempt); app_reload_attempt does it (the error screen on failure). */
int app_can_reload(const App *app);
void app_reload_attempt(App *app);
void app_finish_attempt(App *app);
/* Ends the exam set under way in the window (after a fault or quitting a task):
 * the mode and seed go back to what the window was started with. */
void app_leave_exam(App *app);
void app_fault(App *app, const char *message);
SimTime app_sim_now(const App *app);
/* Makes an action at the current simulated time and hands it to the host; shows
 * why in the status line if it does not fit. */
int app_act(App *app, ActionKind kind, const char *a0, const char *a1, const char *a2,
            const char *a3);
void app_set_pause(App *app, int paused);

/* small helpers */
unsigned long long ui_ticks(void);
const char *app_person_name(App *app, const char *id);
void app_format_seconds(long seconds, char *buf, size_t size);
int app_is_ecg(const LabTask *task);

#endif
