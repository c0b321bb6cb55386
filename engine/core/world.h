/* The front desk as data: people and their records, the timebok, the desk queue,
 * the phone lines, the doctors' messages, lab tasks, the screen, the clock, the
 * random streams and the event log. The script layer builds and changes it
 * through these functions; front ends read the structs and change it only by
 * world_apply() with a trainee action. */
#ifndef SKRANKEN_WORLD_H
#define SKRANKEN_WORLD_H

#include "action.h"
#include "eventlog.h"
#include "rng.h"
#include "simtime.h"
#include "strbuf.h"

#include <stddef.h>

typedef enum PersonKind {
    PERSON_PATIENT,
    PERSON_RELATIVE,
    PERSON_CALLER,
    PERSON_COLLEAGUE,
    PERSON_DOCTOR,
    PERSON_KIND_COUNT
} PersonKind;

const char *person_kind_name(PersonKind kind); /* "patient", ... */
int person_kind_parse(const char *name);       /* -1 if unknown */

typedef struct Person {
    char *id;
    char *name;
    PersonKind kind;
    char *phone;    /* may be NULL */
    char *role;     /* free text: "datter", "politi", "arbeidsgiver", ... may be NULL */
} Person;

typedef struct LabResult {
    char *test, *value, *unit, *date, *reference; /* unit/date/reference may be NULL */
} LabResult;

typedef struct Appointment {
    char *date; /* "2026-11-24" or a weekday; free text */
    char *time; /* "HH:MM" or NULL */
    char *doctor, *reason;
} Appointment;

typedef struct Record {
    char *person;       /* id of the patient */
    char fnr[12];
    int birth_year, birth_month, birth_day, male;
    char *address;
    char *nearest_relative; /* person id, or NULL */
    StrList consent;        /* person ids the patient lets the office inform */
    StrList reservations;   /* the patient's reservations, free text */
    StrList notes;
    Appointment *appointments;
    size_t appointment_count, appointment_cap;
    LabResult *results;
    size_t result_count, result_cap;
} Record;

typedef struct Slot {
    char *doctor;
    int day;         /* working days from today (0) */
    SimTime start;
    int minutes;
    char *patient; /* NULL when free */
    char *note;    /* NULL or why */
} Slot;

typedef enum VisitState { VISIT_WAITING, VISIT_AT_COUNTER, VISIT_DONE } VisitState;

typedef struct Visit {
    char *person;
    VisitState state;
    SimTime arrived, served, left; /* served/left: -1 until it happens */
    int checked_in;
    int charged;                   /* kroner, -1 until charged */
} Visit;

typedef enum CallState {
    CALL_RINGING,
    CALL_TALKING,
    CALL_ON_HOLD,
    CALL_ENDED,       /* hung up by either side after talking */
    CALL_MISSED,      /* rang out without an answer */
    CALL_TRANSFERRED  /* handed to a doctor */
} CallState;

const char *call_state_name(CallState state);

#define WORLD_PHONE_LINES 4

typedef struct Call {
    int line;          /* 1..WORLD_PHONE_LINES */
    char *caller;      /* person id */
    CallState state;
    SimTime rang, answered, ended, ring_until; /* answered/ended -1 until they happen */
    char *transferred_to;
} Call;

typedef enum PromptKind { PROMPT_CHOICE, PROMPT_TEXT } PromptKind;

/* A question waiting for the trainee's answer. One open prompt per person. */
typedef struct Prompt {
    char *person;
    PromptKind kind;
    char *question;
    StrList keys, texts; /* PROMPT_CHOICE: option keys and what they say */
    SimTime opened;
} Prompt;

typedef struct Message {
    char *id, *from, *text;
    SimTime arrived, read; /* read -1 until read */
} Message;

typedef struct LabTask {
    char *id, *patient, *kind, *title;
    SimTime opened;
    int done;
    /* The steps the bench offers for this task (ids and bokmål labels), declared
     * by the scenario; when any are declared, lab_step accepts only these. */
    StrList step_ids, step_labels;
} LabTask;

typedef struct World {
    Clock clock;
    Rng sim_rng, cosmetic_rng;
    EventLog log;

    Person *people; size_t person_count, person_cap;
    Record *records; size_t record_count, record_cap;
    Slot *slots; size_t slot_count, slot_cap;
    Visit *visits; size_t visit_count, visit_cap;
    Call *calls; size_t call_count, call_cap;
    Prompt *prompts; size_t prompt_count, prompt_cap;
    Message *messages; size_t message_count, message_cap;
    LabTask *tasks; size_t task_count, task_cap;

    int screen_locked;
    char *open_record; /* person id of the record on screen, or NULL */
} World;

/* Creates an empty world at start time with both random streams seeded. */
World *world_new(SimTime start, unsigned long long seed);
void world_free(World *world);

/* --- Building (script layer). Each returns 0, or -1 with a bokmål message. --- */
int world_add_person(World *w, const char *id, const char *name, PersonKind kind,
                     const char *phone, const char *role, char *err, size_t errsize);
/* Gives a person a patient record; the fødselsnummer must be synthetic. */
Record *world_add_record(World *w, const char *person, const char *fnr, const char *address,
                         char *err, size_t errsize);
void record_add_result(Record *r, const char *test, const char *value, const char *unit,
                       const char *date, const char *reference);
void record_add_appointment(Record *r, const char *date, const char *time, const char *doctor,
                            const char *reason);
int world_add_slot(World *w, const char *doctor, int day, SimTime start, int minutes,
                   const char *patient, const char *note, char *err, size_t errsize);

/* --- Things that happen (script layer); each is logged as a happening. --- */
Visit *world_arrive(World *w, const char *person, char *err, size_t errsize);
/* The visit ends (the person leaves the desk). */
void world_leave(World *w, Visit *visit);
/* A call rings on the lowest free line; it rings out at now + ring_for. */
Call *world_ring(World *w, const char *caller, SimTime ring_for, char *err, size_t errsize);
/* The caller hangs up (or the call rings out when still ringing). */
void world_end_call(World *w, Call *call, int missed);
Message *world_message(World *w, const char *id, const char *from, const char *text,
                       char *err, size_t errsize);
LabTask *world_open_task(World *w, const char *id, const char *patient, const char *kind,
                         const char *title, char *err, size_t errsize);
void world_close_task(World *w, LabTask *task);
/* Adds a step the bench offers (id: identifier; label: what the trainee sees). */
void lab_task_add_step(LabTask *task, const char *id, const char *label);
/* Opens a question for the trainee; at most one per person. */
Prompt *world_open_prompt(World *w, const char *person, PromptKind kind, const char *question,
                          char *err, size_t errsize);
void world_close_prompt(World *w, const char *person);

/* --- Trainee actions. Checks that the action fits the world now; if it does, logs
 * it and changes the world, returns 0. Otherwise returns -1 with a bokmål message
 * saying why, and changes nothing. The clock must already be at action->t. --- */
int world_apply(World *w, const Action *action, char *err, size_t errsize);

/* --- Looking things up. NULL / -1 when absent. --- */
Person *world_person(const World *w, const char *id);
Record *world_record(const World *w, const char *person);
Slot *world_slot(const World *w, const char *doctor, int day, SimTime start);
/* The slot named by "HH:MM" or "+N/HH:MM", or NULL. */
Slot *world_slot_ref(const World *w, const char *doctor, const char *ref);
Visit *world_visit(const World *w, const char *person); /* the latest visit */
Call *world_call_on_line(const World *w, int line);      /* the live call, if any */
Call *world_call_of(const World *w, const char *caller); /* the latest call */
Prompt *world_prompt(const World *w, const char *person);
Message *world_find_message(const World *w, const char *id);
LabTask *world_task(const World *w, const char *id);
/* 1 if the person can be spoken with now: at the counter or talking on the phone. */
int world_can_talk(const World *w, const char *person);
/* Fills out with the ids of records whose name or fødselsnummer contains query
 * (case-insensitive for ASCII letters). */
void world_search_records(const World *w, const char *query, StrList *out);

/* Known tube names (order of draw) and ECG leads, for checks and front ends. */
extern const char *const world_tubes[];
extern const char *const world_leads[];
/* Electrode sites on the torso diagram (place_electrode TASK LEAD SITE). */
extern const char *const world_sites[];
int world_is_site(const char *name);
int world_is_tube(const char *name);
int world_is_lead(const char *name);

#endif
