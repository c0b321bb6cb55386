/* Fuzzes the report reader (docs/report-format.md) used by verify, summary and
 * export-xapi: reports come from students' machines and may be edited. */
#include "fuzz.h"

#include "report/report_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_text(data, size);
    char err[512] = "";
    ReportFile rf;
    if (report_parse("fuzz.json", text, size, &rf, err, sizeof err) == 0) {
        if (rf.goal_count && !rf.goals)
            abort();
    } else if (strncmp(err, "fuzz.json", 9) != 0) {
        abort();
    }
    report_file_free(&rf);
    free(text);
    return 0;
}
