/* PLACEHOLDER while the command is being built: replaced in full. */
#include "commands.h"

#include <stdio.h>

int cmd_new(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("skranken new: ikke ferdig ennå\n", stderr);
    return 2;
}
