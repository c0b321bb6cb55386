/* Simulated time: parsing and formatting of times of day, and the clock that
 * only moves forward. */
#include "core/simtime.h"

#include "check.h"

static void test_parse_valid(void)
{
    SimTime t = -1;

    /* All three accepted shapes, and both ends of the day. */
    CHECK_INT(simtime_parse("00:00", &t), 0);
    CHECK_INT(t, 0);
    CHECK_INT(simtime_parse("08:30", &t), 0);
    CHECK_INT(t, 8 * SIMTIME_HOUR + 30 * SIMTIME_MINUTE);
    CHECK_INT(simtime_parse("08:30:15", &t), 0);
    CHECK_INT(t, 8 * SIMTIME_HOUR + 30 * SIMTIME_MINUTE + 15 * SIMTIME_SECOND);
    CHECK_INT(simtime_parse("12:34:56.789", &t), 0);
    CHECK_INT(t, 12 * SIMTIME_HOUR + 34 * SIMTIME_MINUTE + 56 * SIMTIME_SECOND + 789);
    CHECK_INT(simtime_parse("23:59:59.999", &t), 0);
    CHECK_INT(t, SIMTIME_DAY - 1);
    CHECK_INT(simtime_parse("00:00:00.001", &t), 0);
    CHECK_INT(t, 1);
}

static void test_parse_invalid(void)
{
    /* Out of range fields, missing leading zero, fractional part that is not
     * exactly three digits, empty and NULL input, and trailing junk. */
    static const char *const bad[] = {
        "24:00", "8:00", "", "12:60", "12:00:00.5", "12:00:00.12", "12:00:60",
        "12:00x", "12:00 ", " 12:00", "12:00:00.1234", "12:00:00.123x", "12:00:",
        "12:00:00.", "12", "12:", "1a:00", "12-00", "-1:00", "12:0", "99:99",
        "12:00:5", "12:00:00:00",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        SimTime t = 0;
        int rc = simtime_parse(bad[i], &t);
        if (rc != -1)
            fprintf(stderr, "accepted bad time \"%s\"\n", bad[i]);
        CHECK_INT(rc, -1);
    }
    SimTime t = 0;
    CHECK_INT(simtime_parse(NULL, &t), -1);
}

static void test_format(void)
{
    char buf[16] = {0};

    /* Milliseconds appear only when not zero. */
    CHECK_STR(simtime_format(0, buf, sizeof buf), "00:00:00");
    CHECK_STR(simtime_format(8 * SIMTIME_HOUR + 5 * SIMTIME_MINUTE, buf, sizeof buf), "08:05:00");
    CHECK_STR(simtime_format(SIMTIME_DAY - 1, buf, sizeof buf), "23:59:59.999");
    CHECK_STR(simtime_format(61 * SIMTIME_SECOND + 7, buf, sizeof buf), "00:01:01.007");
    CHECK(simtime_format(0, buf, sizeof buf) == buf);
}

static void test_round_trips(void)
{
    char buf[16] = {0};
    SimTime back = -1;

    /* Text -> time -> canonical text. */
    CHECK_INT(simtime_parse("08:30", &back), 0);
    CHECK_STR(simtime_format(back, buf, sizeof buf), "08:30:00");
    CHECK_INT(simtime_parse("12:34:56.000", &back), 0);
    CHECK_STR(simtime_format(back, buf, sizeof buf), "12:34:56");
    CHECK_INT(simtime_parse("12:34:56.780", &back), 0);
    CHECK_STR(simtime_format(back, buf, sizeof buf), "12:34:56.780");

    /* Time -> text -> the same time, across the whole day with an odd step so
     * hours, minutes, seconds and milliseconds all vary. */
    int mismatches = 0;
    for (SimTime t = 0; t < SIMTIME_DAY; t += 7777) {
        back = -1;
        if (simtime_parse(simtime_format(t, buf, sizeof buf), &back) != 0 || back != t)
            mismatches++;
    }
    CHECK_INT(mismatches, 0);
    back = -1;
    CHECK_INT(simtime_parse(simtime_format(SIMTIME_DAY - 1, buf, sizeof buf), &back), 0);
    CHECK_INT(back, SIMTIME_DAY - 1);
}

static void test_clock(void)
{
    Clock clock = {0, 0};
    clock_init(&clock, 8 * SIMTIME_HOUR);
    CHECK_INT(clock.now, 8 * SIMTIME_HOUR);
    CHECK_INT(clock.start, 8 * SIMTIME_HOUR);
    CHECK_INT(clock_elapsed(&clock), 0);

    /* Forward and standing still are allowed. */
    CHECK_INT(clock_advance_to(&clock, 9 * SIMTIME_HOUR), 0);
    CHECK_INT(clock.now, 9 * SIMTIME_HOUR);
    CHECK_INT(clock_elapsed(&clock), SIMTIME_HOUR);
    CHECK_INT(clock_advance_to(&clock, 9 * SIMTIME_HOUR), 0);
    CHECK_INT(clock.now, 9 * SIMTIME_HOUR);

    /* The past is refused and leaves the clock where it was, even by 1 ms. */
    CHECK_INT(clock_advance_to(&clock, 9 * SIMTIME_HOUR - 1), -1);
    CHECK_INT(clock.now, 9 * SIMTIME_HOUR);
    CHECK_INT(clock_advance_to(&clock, 8 * SIMTIME_HOUR + 30 * SIMTIME_MINUTE), -1);
    CHECK_INT(clock.now, 9 * SIMTIME_HOUR);
    CHECK_INT(clock_advance_to(&clock, 0), -1);
    CHECK_INT(clock_elapsed(&clock), SIMTIME_HOUR);
    CHECK_INT(clock.start, 8 * SIMTIME_HOUR);

    CHECK_INT(clock_advance_to(&clock, 9 * SIMTIME_HOUR + 1), 0);
    CHECK_INT(clock_elapsed(&clock), SIMTIME_HOUR + 1);
}

int main(void)
{
    test_parse_valid();
    test_parse_invalid();
    test_format();
    test_round_trips();
    test_clock();
    return check_finish("test_simtime");
}
