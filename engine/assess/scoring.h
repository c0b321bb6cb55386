/* Turning an attempt's scored decisions into per-goal results, an overall
 * fraction, a grade 1-6 and passed / not passed. Rules: docs/scoring.md. */
#ifndef SKRANKEN_SCORING_H
#define SKRANKEN_SCORING_H

#include "core/eventlog.h"
#include "core/meta.h"

typedef struct GoalResult {
    const char *id;       /* points into the ScenarioMeta */
    int awarded, deducted;/* sums as scored */
    int earned, possible; /* earned = awarded - deducted, kept within 0..possible */
    int criticals;
} GoalResult;

typedef struct Assessment {
    GoalResult *goals;    /* in the scenario's goal order (sorted by id) */
    size_t goal_count;
    int points, max;
    int points_grade;     /* the grade the points alone give */
    int grade;            /* 1 when there is any critical error */
    int passed;           /* grade >= 2 */
    int criticals;
} Assessment;

void assess_attempt(const ScenarioMeta *meta, const EventLog *log, Assessment *out);
void assessment_free(Assessment *a);

/* The grade for points out of max, by the thresholds in docs/scoring.md. */
int assess_grade(int points, int max);
/* fraction as thousandths, rounded half up: 2/3 -> 667. */
int assess_permille(int points, int max);

#endif
