#include "scoring.h"
#include "core/alloc.h"

#include <stdlib.h>
#include <string.h>

/* Lowest share of the points (in percent) for each grade 6, 5, 4, 3, 2. */
static const struct { int grade, percent; } thresholds[] = {
    {6, 90}, {5, 75}, {4, 60}, {3, 45}, {2, 30},
};

int assess_grade(int points, int max)
{
    if (max <= 0)
        return 1;
    for (size_t i = 0; i < sizeof thresholds / sizeof thresholds[0]; i++)
        if ((long long)points * 100 >= (long long)max * thresholds[i].percent)
            return thresholds[i].grade;
    return 1;
}

int assess_permille(int points, int max)
{
    if (max <= 0)
        return 0;
    return (int)(((long long)points * 2000 + max) / (2LL * max));
}

void assess_attempt(const ScenarioMeta *meta, const EventLog *log, Assessment *out)
{
    memset(out, 0, sizeof *out);
    out->goal_count = meta->goal_count;
    out->goals = sk_xcalloc(meta->goal_count ? meta->goal_count : 1, sizeof *out->goals);
    for (size_t i = 0; i < meta->goal_count; i++) {
        out->goals[i].id = meta->goals[i].id;
        out->goals[i].possible = meta->goals[i].max;
    }
    for (size_t k = 0; k < log->count; k++) {
        const Event *e = &log->items[k];
        if (e->kind != EVENT_SCORE)
            continue;
        for (size_t i = 0; i < out->goal_count; i++) {
            GoalResult *g = &out->goals[i];
            if (strcmp(g->id, e->goal) != 0)
                continue;
            if (e->score_kind == SCORE_AWARD)
                g->awarded += e->points;
            else if (e->score_kind == SCORE_DEDUCT)
                g->deducted += e->points;
            else
                g->criticals++;
        }
    }
    for (size_t i = 0; i < out->goal_count; i++) {
        GoalResult *g = &out->goals[i];
        int earned = g->awarded - g->deducted;
        g->earned = earned < 0 ? 0 : earned > g->possible ? g->possible : earned;
        out->points += g->earned;
        out->max += g->possible;
        out->criticals += g->criticals;
    }
    out->points_grade = assess_grade(out->points, out->max);
    out->grade = out->criticals ? 1 : out->points_grade;
    out->passed = out->grade >= 2;
}

void assessment_free(Assessment *a)
{
    free(a->goals);
    memset(a, 0, sizeof *a);
}
