/* Simulated time of day and the clock that only the driver moves. */
#ifndef SKRANKEN_SIMTIME_H
#define SKRANKEN_SIMTIME_H

#include <stdint.h>
#include <stddef.h>

/* Milliseconds since midnight of the scenario day. */
typedef int64_t SimTime;

#define SIMTIME_SECOND ((SimTime)1000)
#define SIMTIME_MINUTE ((SimTime)60000)
#define SIMTIME_HOUR ((SimTime)3600000)
#define SIMTIME_DAY ((SimTime)86400000)
#define SIMTIME_NEVER INT64_MAX

/* Parses "HH:MM", "HH:MM:SS" or "HH:MM:SS.mmm" (00:00 to 23:59:59.999).
 * Returns 0 and sets *out, or -1 if the text is not such a time. */
int simtime_parse(const char *text, SimTime *out);

/* Writes "HH:MM:SS" (with ".mmm" only when the milliseconds are not zero)
 * into buf, which must hold at least 16 bytes. Returns buf. */
char *simtime_format(SimTime t, char *buf, size_t size);

/* A timebok slot reference: "HH:MM" today, or "+N/HH:MM" N working days ahead
 * (N 1-60). Returns 0, or -1 if the text is not one. */
int slotref_parse(const char *text, int *day, SimTime *time);
/* Writes "HH:MM" or "+N/HH:MM" into buf (at least 16 bytes). Returns buf. */
char *slotref_format(int day, SimTime time, char *buf, size_t size);

typedef struct Clock {
    SimTime now;   /* current simulated time */
    SimTime start; /* when the scenario began */
} Clock;

void clock_init(Clock *clock, SimTime start);

/* Moves the clock forward to t. Returns -1 (and leaves it) if t is in the past. */
int clock_advance_to(Clock *clock, SimTime t);

/* Simulated time since start, in milliseconds. */
SimTime clock_elapsed(const Clock *clock);

#endif
