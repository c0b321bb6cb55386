/* What the three files of the path explorer share (docs/check.md): explore.c
 * (the explorer, runner, paths, findings and explore.h), explore_candidates.c
 * (mining texts, context, candidate enumeration) and explore_policy.c (the
 * diligent and random policies). Private to them; everything used in one file
 * only is static there. */
#ifndef SKRANKEN_EXPLORE_INTERNAL_H
#define SKRANKEN_EXPLORE_INTERNAL_H

#include "explore.h"

#include <stddef.h>
#include <stdint.h>

/* ------------------------------------------------- small tools (explore.c) */

/* FNV-1a hash of a text. */
uint64_t hash_text(const char *s);
/* A number below n from the explorer's own random numbers (0 if n is 0). */
size_t walk_below(uint64_t *state, size_t n);
/* 1 for '0'..'9'. */
int is_digit(char c);
/* 1 if the list holds the text. */
int has_text(const StrList *list, const char *text);

/* --------------------------------------------------- keys and what they paid */

/* KeyEntry.flags: */
#define KEY_QUEUED 1u /* offered as a branch */
#define KEY_TAKEN 2u  /* taken on some path */

/* What is known about one key: offered or taken, and what it paid. */
typedef struct KeyEntry {
    char *key;
    unsigned flags;
    long sum; /* points scored right after taking it, over every time it was taken */
    int count;
    /* Branches that took it against the path they branched from: how often the
     * whole path scored more, and how often less (raw points). */
    int better, worse;
} KeyEntry;

/* Keys and what they paid: an open-addressing hash table. */
typedef struct KeyTable {
    KeyEntry *slots;
    size_t used, cap; /* cap is a power of two */
} KeyTable;

/* The key's entry, or NULL; with create, a new empty entry if there was none
 * (explore.c). */
KeyEntry *keys_find(KeyTable *t, const char *key, int create);

/* ------------------------------------------------------------ paths */

/* What one step of a path does. */
typedef enum StepKind {
    STEP_WAIT, /* run up to the next scheduled event */
    STEP_ACT,  /* a trainee action at its time */
    STEP_TIME  /* move the clock to t (an action that did not fit; never printed) */
} StepKind;

/* One step of a path: replayed exactly, and an action printed as an inputs line. */
typedef struct Step {
    StepKind kind;
    Action action; /* STEP_ACT */
    SimTime t;     /* STEP_TIME */
} Step;

/* A played path: its seed and mode, how it ended, and its steps. */
typedef struct Path {
    uint64_t seed;
    int exam;
    int failed; /* its last step ended in a finding */
    int scored; /* it ran to the end; raw holds its points */
    int raw;    /* awarded minus deducted, 20 off per critical error */
    Step *steps;
    size_t count, cap;
} Path;

/* ------------------------------------------------ candidates and branches */

/* In the order branches are taken: every option of every question first, then
 * the side actions in turn (records, timebok, phone and screen, lab), and the
 * far ones (snooping) last. */
typedef enum CandClass {
    C_CHOOSE,
    C_TYPE,
    C_ANSWER,
    C_SERVE,
    C_UNHOLD,
    C_MESSAGE,
    C_DESK,
    C_RECORD, /* from here to C_LAB: taken in turn */
    C_BOOK,
    C_PHONE,
    C_LAB,
    C_FAR, /* about no one the trainee deals with */
    C_COUNT
} CandClass;

/* Side actions for the person dealt with while they wait for something ("|@ctx|ledig"):
 * the moment a scenario waits for a booking or a look in the record. Their
 * branches go first among the side actions. */
#define QUEUE_HOT C_COUNT

/* An action the trainee could take now, its class and its key (what it means). */
typedef struct Cand {
    Action action;
    CandClass cls;
    char *key;
} Cand;

/* The candidates at one point, in the order enumerate makes them. */
typedef struct Cands {
    Cand *items;
    size_t count, cap;
} Cands;

/* A branch to try: replay a stored path to a point, then take an action or a mark. */
typedef struct Branch {
    size_t path;   /* index in Explorer.paths */
    size_t step;   /* replay this many steps, then take the action */
    int directive; /* no action: the key is a mark for the policy ("only|task|step") */
    Action action;
    char *key;
} Branch;

/* The branches of one class, first in first out (from head). */
typedef struct Queue {
    Branch *items;
    size_t head, count, cap;
} Queue;

/* --------------------------------------------------------------- explorer */

/* The exploration of one file: its options, the paths played, the branch queues,
 * what keys paid and the pools mined from texts. */
typedef struct Explorer {
    const ExploreOptions *o;
    ExploreResult *res;
    char sha256[65];
    Path *paths;
    size_t path_count, path_cap;
    Queue queues[C_COUNT + 1]; /* per class, and the hot queue (QUEUE_HOT) */
    KeyTable keys;
    StrList hints;     /* numbers in feedback texts ("116 117") */
    StrList amounts;   /* kroner amounts said or written anywhere */
    StrList times;     /* clock times said or written anywhere ("08:20") */
    StrList src_slots; /* slot references written in the source ("+20/08:20") */
    StrList src_days;  /* their day parts ("20") */
    int *reported;     /* per variant: a report was rendered */
    int side_turn;     /* which side class gives the next branch */
    int failing;       /* paths that ended in a finding */
    long long work;    /* Lua instructions over all paths */
    uint64_t rand;
    ScenarioCache *cache; /* the file is compiled once for all its paths */
} Explorer;

/* Diligent: what a careful trainee does (and what paid before); varied: the same
 * with chance in lab steps, tubes and answers; random: any candidate, any pace;
 * idle: nothing at all. */
typedef enum Policy { POLICY_DILIGENT, POLICY_VARIED, POLICY_RANDOM, POLICY_IDLE } Policy;

/* One path being played: its scenario, steps, policy and what it did so far. */
typedef struct Runner {
    Explorer *ex;
    Scenario *sc;
    Path path;
    int variant;
    Policy policy;
    uint64_t rand;
    SimTime pace;       /* time between actions (diligent) */
    int events, actions, still, mismatches;
    size_t mined;       /* log entries already mined for numbers, times, amounts */
    KeyTable done;      /* keys taken on this path, and the runner's own marks */
    int failed;         /* a finding ended the path */
} Runner;

/* Whether the path took the key or set the mark, and setting a mark (explore.c). */
int done_has(Runner *r, const char *mark);
void done_add(Runner *r, const char *mark);

/* ------------------------------------- candidates (explore_candidates.c) */

/* Where the trainee is: the person dealt with now (asked most recently, else on
 * the phone, else at the counter) and whether a question of theirs is open. Side
 * actions are keyed relative to it ("@ctx"), so what was learned with one caller
 * carries over to the next, and the same action while a caller waits for it
 * ("ledig") is another branch than while a question is open ("spurt"). */
typedef struct Context {
    const char *person; /* NULL when nobody */
    const char *phase;  /* "spurt", "ledig" or "-" */
    StrList people;     /* the person, everyone at the counter or on the phone, the
                           record on screen, and anyone named by them or in the
                           message read last */
    StrList bookable;   /* the person, the record on screen and the named ones: whom
                           the timebok actions are offered for */
} Context;

/* Learns numbers, amounts and clock times from the log entries not mined yet. */
void mine_log(Runner *r);
/* Learns the slot references ("+N/HH:MM") written in the scenario source. */
void mine_source(Explorer *ex);
/* Fills c for the world as it is now (the caller frees c->people and c->bookable). */
void context_make(const World *w, Context *c);
/* 1 if a lab step is a task's last one ("done", "ferdig", ...). */
int is_final_step(const char *step);
/* 1 if the lab task is an ECG. */
int is_ecg(const LabTask *t);
/* Where a trained secretary puts each of the ten leads: {lead, site}. */
extern const char *const right_site[10][2];
/* Everything the trainee could do now, in a fixed order, added to cs. */
void enumerate(Runner *r, Cands *cs);

/* -------------------------------------------- policies (explore_policy.c) */

/* Marks what a taken action means for the policies (lab work, records opened). */
void mark_taken(Runner *r, const Action *a);
/* Learns what paths scored with and without each lab step and tube. */
void learn_lab(Runner *r, int points);
/* The length of the prefix a lab step shares with its group, or 0 if none. */
size_t step_group(const LabTask *t, const char *step);
/* The diligent (and varied) policy's next candidate, or NULL to wait. */
const Cand *diligent_pick(Runner *r, const Cands *cs);
/* The random policy's next candidate, or NULL to wait. */
const Cand *random_pick(Runner *r, const Cands *cs);

#endif
