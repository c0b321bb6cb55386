/* Fuzzes the scenario loader: any bytes as a scenario file must load or give a
 * "file:line: message", and a loaded scenario must play to its end or fault
 * cleanly, within a small instruction budget and memory cap. */
#include "fuzz.h"

#include "script/scenario.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > SCENARIO_MAX_SOURCE)
        return 0;
    char err[1024] = "";
    ScenarioOptions opts = {0};
    opts.chunkname = "fuzz.lua";
    opts.seed = 1;
    opts.memory_cap = (size_t)8 << 20;
    opts.budget = 200000;
    char *text = fuzz_text(data, size);
    Scenario *sc = scenario_load(&opts, text, size, err, sizeof err);
    free(text);
    if (!sc) {
        if (strstr(err, "fuzz.lua") == NULL)
            abort(); /* every load error names the file ("I innlasting: fuzz.lua:3: ...") */
        return 0;
    }
    if (scenario_run_to_end(sc) != 0 && scenario_fault(sc) == NULL)
        abort(); /* a fault must say what it was */
    scenario_free(sc);
    return 0;
}
