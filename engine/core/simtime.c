#include "simtime.h"

#include <stdio.h>
#include <string.h>

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

int slotref_parse(const char *text, int *day, SimTime *time)
{
    int d = 0;
    const char *p = text;
    if (!text)
        return -1;
    if (*p == '+') {
        p++;
        if (*p < '1' || *p > '9')
            return -1;
        while (*p >= '0' && *p <= '9') {
            d = d * 10 + (*p - '0');
            if (d > 60)
                return -1;
            p++;
        }
        if (*p++ != '/')
            return -1;
    }
    SimTime t = 0;
    if (strlen(p) != 5 || simtime_parse(p, &t) != 0)
        return -1;
    *day = d;
    *time = t;
    return 0;
}

char *slotref_format(int day, SimTime time, char *buf, size_t size)
{
    long mins = (long)(time / SIMTIME_MINUTE);
    if (day > 0)
        snprintf(buf, size, "+%d/%02ld:%02ld", day, mins / 60, mins % 60);
    else
        snprintf(buf, size, "%02ld:%02ld", mins / 60, mins % 60);
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
