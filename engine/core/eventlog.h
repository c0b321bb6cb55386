/* The append-only record of an attempt: every trainee action, every happening in
 * the world, every line said, and every scored decision, in the order they
 * happened. The report's timeline is this log. Entries are never changed or
 * removed once appended. */
#ifndef SKRANKEN_EVENTLOG_H
#define SKRANKEN_EVENTLOG_H

#include "action.h"

typedef enum EventKind {
    EVENT_ACTION,    /* the trainee did something */
    EVENT_HAPPENING, /* something arrived, rang, hung up, ... */
    EVENT_SAY,       /* a line of dialogue */
    EVENT_SCORE      /* a scored decision */
} EventKind;

typedef enum ScoreKind {
    SCORE_AWARD,
    SCORE_DEDUCT,
    SCORE_CRITICAL
} ScoreKind;

typedef struct Event {
    SimTime t;
    EventKind kind;
    Action action;  /* EVENT_ACTION */
    char *code;     /* HAPPENING: what ("arrival", "call_ringing", ...) */
    char *who;      /* HAPPENING / SAY: the person concerned or speaking */
    char *to;       /* SAY by the trainee: the person answered */
    char *text;     /* HAPPENING / SAY / SCORE: the words (bokmål) */
    /* EVENT_SCORE */
    ScoreKind score_kind;
    char *goal;
    int points;     /* positive; a deduction is SCORE_DEDUCT with positive points */
    char *rule;     /* the law paragraph or procedure the decision rests on */
    char *better;   /* for mistakes: the better action */
} Event;

typedef struct EventLog {
    Event *items;
    size_t count, cap;
} EventLog;

void eventlog_init(EventLog *log);
void eventlog_free(EventLog *log);
/* The log copies every string. */
void eventlog_add_action(EventLog *log, const Action *action);
void eventlog_add_happening(EventLog *log, SimTime t, const char *code, const char *who,
                            const char *text);
/* to: for the trainee's lines, the person answered (else NULL). */
void eventlog_add_say(EventLog *log, SimTime t, const char *who, const char *to,
                      const char *text);
void eventlog_add_score(EventLog *log, SimTime t, ScoreKind kind, const char *goal, int points,
                        const char *rule, const char *text, const char *better);

const char *score_kind_name(ScoreKind kind); /* "award", "deduct", "critical" */
const char *event_kind_name(EventKind kind); /* "action", "happening", "say", "score" */

#endif
