#include "simtime.h"

#include <stdio.h>

static int read_digits(const char **p, int count, int *value)
{
    int v = 0;
    for (int i = 0; i < count; i++) {
        char c = (*p)[i];
        if (c < '0' || c > '9')
            return -1;
        v = v * 10 + (c - '0');
    }
    *p += count;
    *value = v;
    return 0;
}

int simtime_parse(const char *text, SimTime *out)
{
    int h = 0, m = 0, s = 0, ms = 0;
    const char *p = text;
    if (!text || read_digits(&p, 2, &h) || *p++ != ':' || read_digits(&p, 2, &m))
        return -1;
    if (*p == ':') {
        p++;
        if (read_digits(&p, 2, &s))
            return -1;
        if (*p == '.') {
            p++;
            if (read_digits(&p, 3, &ms))
                return -1;
        }
    }
    if (*p != '\0' || h > 23 || m > 59 || s > 59)
        return -1;
    *out = h * SIMTIME_HOUR + m * SIMTIME_MINUTE + s * SIMTIME_SECOND + ms;
    return 0;
}

char *simtime_format(SimTime t, char *buf, size_t size)
{
    if (t < 0)
        t = 0;
    int ms = (int)(t % 1000);
    long secs = (long)(t / 1000);
    int h = (int)(secs / 3600), m = (int)(secs / 60 % 60), s = (int)(secs % 60);
    if (ms)
        snprintf(buf, size, "%02d:%02d:%02d.%03d", h, m, s, ms);
    else
        snprintf(buf, size, "%02d:%02d:%02d", h, m, s);
    return buf;
}

void clock_init(Clock *clock, SimTime start)
{
    clock->now = start;
    clock->start = start;
}

int clock_advance_to(Clock *clock, SimTime t)
{
    if (t < clock->now)
        return -1;
    clock->now = t;
    return 0;
}

SimTime clock_elapsed(const Clock *clock)
{
    return clock->now - clock->start;
}
