/* What a scenario says about itself: filled by the script layer, read by assess,
 * report and the front ends. Plain data. */
#ifndef SKRANKEN_META_H
#define SKRANKEN_META_H

#include "simtime.h"

#include <stddef.h>

typedef struct GoalPlan {
    char *id;  /* a goal id of the competence catalog */
    int max;   /* the most points the scenario can give for it */
} GoalPlan;

typedef struct ScenarioMeta {
    char *id, *version, *title, *language, *summary;
    SimTime start;     /* simulated time of day the scenario begins */
    SimTime duration;  /* simulated length */
    int difficulty;    /* 1 (easy) to 5 */
    int practice, exam;/* which modes it may be played in */
    GoalPlan *goals;   /* sorted by id */
    size_t goal_count;
    int line;          /* line of the scenario{} declaration, for later errors */
} ScenarioMeta;

void meta_free(ScenarioMeta *meta);
/* The plan for a goal id, or NULL if the scenario does not assess it. */
const GoalPlan *meta_find_goal(const ScenarioMeta *meta, const char *id);

#endif
