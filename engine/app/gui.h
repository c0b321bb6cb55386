/* Starting the graphical front desk from the command line. */
#ifndef SKRANKEN_GUI_H
#define SKRANKEN_GUI_H

#include "assess/catalog.h"
#include "ui/ui.h"

/* Runs the GUI with the library of the scenarios folder. Returns the exit code. */
int gui_run(const UiOptions *opts, const Catalog *catalog, const char *data_dir);

#endif
