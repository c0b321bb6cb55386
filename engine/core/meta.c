#include "meta.h"

#include <stdlib.h>
#include <string.h>

void meta_free(ScenarioMeta *meta)
{
    free(meta->id);
    free(meta->version);
    free(meta->title);
    free(meta->language);
    free(meta->summary);
    for (size_t i = 0; i < meta->goal_count; i++)
        free(meta->goals[i].id);
    free(meta->goals);
    memset(meta, 0, sizeof *meta);
}

const GoalPlan *meta_find_goal(const ScenarioMeta *meta, const char *id)
{
    for (size_t i = 0; i < meta->goal_count; i++)
        if (strcmp(meta->goals[i].id, id) == 0)
            return &meta->goals[i];
    return NULL;
}
