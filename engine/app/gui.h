/* Starting the graphical front desk from the command line. */
#ifndef SKRANKEN_GUI_H
#define SKRANKEN_GUI_H

#include "assess/catalog.h"
#include "ui/ui.h"

/* Runs the GUI with the library of the scenarios folder. catalog_path is the
 * --catalog file given (NULL: the shipped one), for the journal. With
 * resume_journal, the window opens straight into that unfinished attempt
 * (docs/journal.md); otherwise the library offers the unfinished attempts of the
 * data folder. Returns the exit code. */
int gui_run(const UiOptions *opts, const Catalog *catalog, const char *catalog_path,
            const char *data_dir, const char *resume_journal);

#endif
