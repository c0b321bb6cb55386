/* Scoring (engine/assess/scoring.h): the grade thresholds, the permille
 * rounding, and assess_attempt over a hand-built ScenarioMeta and EventLog. */
#include "assess/scoring.h"
#include "core/alloc.h"

#include "check.h"

#include <stdlib.h>

/* Rule: the grade is the highest whose threshold the share reaches:
 * >= 90% -> 6, >= 75% -> 5, >= 60% -> 4, >= 45% -> 3, >= 30% -> 2, else 1;
 * a maximum of 0 (or less) gives 1. The comparison is exact (no rounding). */
static void test_grade(void)
{
    static const struct { int percent, grade; } bounds[] = {
        {90, 6}, {75, 5}, {60, 4}, {45, 3}, {30, 2}};
    for (size_t i = 0; i < sizeof bounds / sizeof bounds[0]; i++) {
        int p = bounds[i].percent, g = bounds[i].grade;
        /* out of 100: at the boundary, one above, one below */
        CHECK_INT(assess_grade(p, 100), g);
        CHECK_INT(assess_grade(p + 1, 100), g);
        CHECK_INT(assess_grade(p - 1, 100), g - 1);
        /* out of 1000: 0.1 percentage point below still falls short */
        CHECK_INT(assess_grade(p * 10, 1000), g);
        CHECK_INT(assess_grade(p * 10 - 1, 1000), g - 1);
        /* out of 20 (scaled exactly) */
        CHECK_INT(assess_grade(p / 5, 20), g);
    }
    CHECK_INT(assess_grade(100, 100), 6);
    CHECK_INT(assess_grade(0, 100), 1);
    CHECK_INT(assess_grade(29, 100), 1);
    CHECK_INT(assess_grade(150, 100), 6); /* more than max still 6 */
    CHECK_INT(assess_grade(-5, 100), 1);
    CHECK_INT(assess_grade(0, 0), 1);
    CHECK_INT(assess_grade(5, 0), 1);
    CHECK_INT(assess_grade(5, -10), 1);
    /* shares that are not whole percents: 6/7 = 85.7% -> 5; 2/3 = 66.7% -> 4;
     * 9/20 = 45% exactly -> 3; 4/9 = 44.4% -> 2 */
    CHECK_INT(assess_grade(6, 7), 5);
    CHECK_INT(assess_grade(2, 3), 4);
    CHECK_INT(assess_grade(9, 20), 3);
    CHECK_INT(assess_grade(4, 9), 2);
    /* large numbers do not overflow: 90% of 2e9 */
    CHECK_INT(assess_grade(1800000000, 2000000000), 6);
    CHECK_INT(assess_grade(1799999999, 2000000000), 5);
}

/* Rule: permille is points/max in thousandths, rounded half up; max <= 0 -> 0. */
static void test_permille(void)
{
    CHECK_INT(assess_permille(2, 3), 667);
    CHECK_INT(assess_permille(1, 3), 333);
    CHECK_INT(assess_permille(1, 8), 125);
    CHECK_INT(assess_permille(1, 16), 63);  /* 62.5 rounds up */
    CHECK_INT(assess_permille(3, 16), 188); /* 187.5 rounds up */
    CHECK_INT(assess_permille(1, 2000), 1); /* 0.5 rounds up */
    CHECK_INT(assess_permille(1, 2001), 0); /* 0.49975 rounds down */
    CHECK_INT(assess_permille(0, 5), 0);
    CHECK_INT(assess_permille(5, 5), 1000);
    CHECK_INT(assess_permille(7, 0), 0);
    CHECK_INT(assess_permille(2000000000, 2000000000), 1000);
}

/* A meta with goals "a" (max 10), "b" (max 5), "c" (max 4), sorted by id. */
static void make_meta(ScenarioMeta *m)
{
    memset(m, 0, sizeof *m);
    m->id = sk_xstrdup("test");
    m->goal_count = 3;
    m->goals = sk_xcalloc(3, sizeof *m->goals);
    m->goals[0].id = sk_xstrdup("hse3006.a");
    m->goals[0].max = 10;
    m->goals[1].id = sk_xstrdup("hse3006.b");
    m->goals[1].max = 5;
    m->goals[2].id = sk_xstrdup("hse3007.c");
    m->goals[2].max = 4;
}

static void score(EventLog *log, ScoreKind kind, const char *goal, int points)
{
    eventlog_add_score(log, 8 * SIMTIME_HOUR, kind, goal, points, "hpl. § 21", "tekst", NULL);
}

/* Rule: per goal, earned = awarded - deducted clamped to 0..possible; totals
 * are sums over goals; a score for a goal not in the meta is ignored; events
 * that are not scores are ignored; no critical -> grade = points grade and
 * passed iff grade >= 2. */
static void test_attempt(void)
{
    ScenarioMeta meta;
    make_meta(&meta);
    EventLog log;
    eventlog_init(&log);
    eventlog_add_happening(&log, 0, "arrival", "hse3006.a", "hse3006.a");
    eventlog_add_say(&log, 0, "hse3006.a", NULL, "tekst");
    score(&log, SCORE_AWARD, "hse3006.a", 6);
    score(&log, SCORE_AWARD, "hse3006.a", 3);
    score(&log, SCORE_DEDUCT, "hse3006.a", 2); /* a: 9 - 2 = 7 of 10 */
    score(&log, SCORE_AWARD, "hse3006.b", 8);  /* b: 8, clamped to 5 */
    score(&log, SCORE_AWARD, "hse3007.c", 1);
    score(&log, SCORE_DEDUCT, "hse3007.c", 3); /* c: 1 - 3 = -2, clamped to 0 */
    score(&log, SCORE_AWARD, "hse3005.zzz", 50); /* not in the meta: ignored */
    score(&log, SCORE_DEDUCT, "hse3005.zzz", 50);
    score(&log, SCORE_AWARD, "hse3006", 50);     /* a prefix is not a goal */

    Assessment a;
    assess_attempt(&meta, &log, &a);
    CHECK_INT(a.goal_count, 3);
    /* in the meta's order, ids pointing into the meta */
    CHECK(a.goals[0].id == meta.goals[0].id);
    CHECK(a.goals[2].id == meta.goals[2].id);
    CHECK_INT(a.goals[0].awarded, 9);
    CHECK_INT(a.goals[0].deducted, 2);
    CHECK_INT(a.goals[0].earned, 7);
    CHECK_INT(a.goals[0].possible, 10);
    CHECK_INT(a.goals[1].awarded, 8);
    CHECK_INT(a.goals[1].earned, 5);
    CHECK_INT(a.goals[1].possible, 5);
    CHECK_INT(a.goals[2].awarded, 1);
    CHECK_INT(a.goals[2].deducted, 3);
    CHECK_INT(a.goals[2].earned, 0);
    CHECK_INT(a.points, 12);
    CHECK_INT(a.max, 19);
    CHECK_INT(a.criticals, 0);
    CHECK_INT(a.points_grade, 4); /* 12/19 = 63% */
    CHECK_INT(a.grade, 4);
    CHECK_INT(a.passed, 1);
    assessment_free(&a);
    CHECK(a.goals == NULL);

    /* Rule: any critical error gives grade 1 and not passed, while points_grade
     * keeps the grade the points give; criticals count per goal. */
    eventlog_add_score(&log, 8 * SIMTIME_HOUR, SCORE_CRITICAL, "hse3006.b", 0,
                       "hpl. § 21", "ga prøvesvar til datteren", "be om samtykke");
    assess_attempt(&meta, &log, &a);
    CHECK_INT(a.points, 12); /* a critical moves no points */
    CHECK_INT(a.criticals, 1);
    CHECK_INT(a.goals[1].criticals, 1);
    CHECK_INT(a.goals[1].earned, 5);
    CHECK_INT(a.points_grade, 4);
    CHECK_INT(a.grade, 1);
    CHECK_INT(a.passed, 0);
    assessment_free(&a);
    eventlog_free(&log);

    /* A critical for a goal outside the meta is ignored like any other score. */
    eventlog_init(&log);
    score(&log, SCORE_AWARD, "hse3006.a", 10);
    score(&log, SCORE_AWARD, "hse3006.b", 5);
    score(&log, SCORE_AWARD, "hse3007.c", 4);
    score(&log, SCORE_CRITICAL, "hse3005.zzz", 0);
    assess_attempt(&meta, &log, &a);
    CHECK_INT(a.points, 19);
    CHECK_INT(a.criticals, 0);
    CHECK_INT(a.grade, 6);
    CHECK_INT(a.passed, 1);
    assessment_free(&a);
    /* full points and a critical: points grade 6, grade 1 */
    score(&log, SCORE_CRITICAL, "hse3007.c", 0);
    score(&log, SCORE_CRITICAL, "hse3006.a", 0);
    assess_attempt(&meta, &log, &a);
    CHECK_INT(a.criticals, 2);
    CHECK_INT(a.points_grade, 6);
    CHECK_INT(a.grade, 1);
    CHECK_INT(a.passed, 0);
    assessment_free(&a);
    eventlog_free(&log);

    /* Rule: without criticals, passed exactly when the grade is at least 2.
     * Max 19: 5 points = 26% -> 1, not passed; 6 points = 31.6% -> 2, passed. */
    eventlog_init(&log);
    score(&log, SCORE_AWARD, "hse3006.a", 5);
    assess_attempt(&meta, &log, &a);
    CHECK_INT(a.points, 5);
    CHECK_INT(a.grade, 1);
    CHECK_INT(a.points_grade, 1);
    CHECK_INT(a.passed, 0);
    assessment_free(&a);
    score(&log, SCORE_AWARD, "hse3007.c", 1);
    assess_attempt(&meta, &log, &a);
    CHECK_INT(a.points, 6);
    CHECK_INT(a.grade, 2);
    CHECK_INT(a.passed, 1);
    assessment_free(&a);
    eventlog_free(&log);

    /* An empty log: 0 of 19, grade 1, every goal 0. */
    eventlog_init(&log);
    assess_attempt(&meta, &log, &a);
    CHECK_INT(a.points, 0);
    CHECK_INT(a.max, 19);
    CHECK_INT(a.goals[0].earned, 0);
    CHECK_INT(a.grade, 1);
    CHECK_INT(a.passed, 0);
    assessment_free(&a);
    meta_free(&meta);

    /* A meta without goals: max 0 gives grade 1 (nothing can be passed). */
    memset(&meta, 0, sizeof meta);
    assess_attempt(&meta, &log, &a);
    CHECK_INT(a.goal_count, 0);
    CHECK_INT(a.max, 0);
    CHECK_INT(a.grade, 1);
    CHECK_INT(a.passed, 0);
    assessment_free(&a);
    eventlog_free(&log);
}

int main(void)
{
    test_grade();
    test_permille();
    test_attempt();
    return check_finish("test_scoring");
}
