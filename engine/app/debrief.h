/* The short bokmål debrief the headless runner prints. */
#ifndef SKRANKEN_DEBRIEF_H
#define SKRANKEN_DEBRIEF_H

#include "attempt.h"

#include <stdio.h>

void debrief_print(FILE *out, const Attempt *at, const char *report_path);

#endif
