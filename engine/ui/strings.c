#include "strings.h"

#include <string.h>

static const char *const nb[S_COUNT] = {
#define UI_STRING_NB(id, b, e) [id] = b,
    UI_STRINGS(UI_STRING_NB)
#undef UI_STRING_NB
};

static const char *const en[S_COUNT] = {
#define UI_STRING_EN(id, b, e) [id] = e,
    UI_STRINGS(UI_STRING_EN)
#undef UI_STRING_EN
};

static int english;

int ui_set_language(const char *lang)
{
    if (!lang || strcmp(lang, "nb") == 0) {
        english = 0;
        return 0;
    }
    if (strcmp(lang, "en") == 0) {
        english = 1;
        return 0;
    }
    return -1;
}

const char *ui_text(UiStringId id)
{
    if ((int)id < 0 || id >= S_COUNT)
        return "?";
    return english ? en[id] : nb[id];
}

/* The tube colours of DOMAIN.md §5, named as well as shown (no colour alone). */
static const struct { const char *id, *nb, *en; } tubes[] = {
    {"blood_culture", "Blodkulturflaske", "Blood culture bottle"},
    {"citrate", "Citrat – lyseblå kork", "Citrate – light blue cap"},
    {"serum", "Serum – rød/gul kork", "Serum – red/yellow cap"},
    {"heparin", "Heparin – grønn kork", "Heparin – green cap"},
    {"edta", "EDTA – lilla kork", "EDTA – lavender cap"},
    {"esr", "SR – svart kork", "ESR – black cap"},
    {"fluoride", "Fluorid – grå kork", "Fluoride – grey cap"},
};

const char *ui_tube_label(const char *tube)
{
    for (size_t i = 0; i < sizeof tubes / sizeof tubes[0]; i++)
        if (strcmp(tubes[i].id, tube) == 0)
            return english ? tubes[i].en : tubes[i].nb;
    return tube;
}

static const struct { const char *id, *nb, *en; } sites[] = {
    {"ic4_right_sternal", "4. ribbemellomrom, høyre for brystbenet", "4th ICS, right of sternum"},
    {"ic4_left_sternal", "4. ribbemellomrom, venstre for brystbenet", "4th ICS, left of sternum"},
    {"between_v2_v4", "Midt mellom V2 og V4", "Between V2 and V4"},
    {"ic5_left_midclavicular", "5. ribbemellomrom, midtkravebeinslinjen", "5th ICS, mid-clavicular"},
    {"ic5_left_anterior_axillary", "5. nivå, fremre armhulelinje", "5th level, anterior axillary"},
    {"ic5_left_midaxillary", "5. nivå, midtre armhulelinje", "5th level, mid-axillary"},
    {"ic2_right_sternal", "2. ribbemellomrom, høyre for brystbenet", "2nd ICS, right of sternum"},
    {"ic2_left_sternal", "2. ribbemellomrom, venstre for brystbenet", "2nd ICS, left of sternum"},
    {"ic3_left_sternal", "3. ribbemellomrom, venstre for brystbenet", "3rd ICS, left of sternum"},
    {"ic6_left_midclavicular", "6. ribbemellomrom, midtkravebeinslinjen", "6th ICS, mid-clavicular"},
    {"ic4_left_midaxillary", "4. nivå, midtre armhulelinje", "4th level, mid-axillary"},
    {"right_arm", "Høyre arm", "Right arm"},
    {"left_arm", "Venstre arm", "Left arm"},
    {"right_leg", "Høyre bein", "Right leg"},
    {"left_leg", "Venstre bein", "Left leg"},
};

const char *ui_site_label(const char *site)
{
    for (size_t i = 0; i < sizeof sites / sizeof sites[0]; i++)
        if (strcmp(sites[i].id, site) == 0)
            return english ? sites[i].en : sites[i].nb;
    return site;
}
