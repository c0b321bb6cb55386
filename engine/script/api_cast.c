/* cast.* (people and patient records) and timebok.* (doctors' slots). */
#include "internal.h"
#include "api.h"
#include "core/alloc.h"

#include <string.h>

static void push_person(lua_State *L, const Person *p, const Record *r)
{
    lua_createtable(L, 0, 4);
    lua_pushstring(L, p->id);
    lua_setfield(L, -2, "id");
    lua_pushstring(L, p->name);
    lua_setfield(L, -2, "name");
    lua_pushstring(L, person_kind_name(p->kind));
    lua_setfield(L, -2, "kind");
    if (p->phone) {
        lua_pushstring(L, p->phone);
        lua_setfield(L, -2, "phone");
    }
    if (r) {
        lua_pushstring(L, r->fnr);
        lua_setfield(L, -2, "fnr");
        lua_pushinteger(L, r->birth_year);
        lua_setfield(L, -2, "birth_year");
    }
}

static const char *checked_text(lua_State *L, int idx, const char *field, int need)
{
    const char *s = sk_opt_field_string(L, idx, field);
    if (need && (!s || !*s))
        luaL_error(L, "feltet %s mangler", field);
    if (s && (strlen(s) > 2000 || !text_is_clean_utf8(s, strlen(s))))
        luaL_error(L, "feltet %s må være gyldig UTF-8-tekst under 2000 byte", field);
    return s;
}

static int add_person(lua_State *L, PersonKind kind, const char *what)
{
    Scenario *sc = sk_scenario(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    const char *id = checked_text(L, 1, "id", 1);
    const char *name = checked_text(L, 1, "name", 1);
    const char *phone = checked_text(L, 1, "phone", 0);
    const char *role = checked_text(L, 1, "role", 0);
    char err[256];
    if (world_add_person(sc->world, id, name, kind, phone, role, err, sizeof err) != 0)
        return luaL_error(L, "%s: %s", what, err);
    push_person(L, world_person(sc->world, id), NULL);
    return 1;
}

static const char *const person_keys[] = {"id", "name", "kind", "phone", "role", NULL};

static int l_person(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    sk_check_keys(L, 1, "cast.person", person_keys);
    const char *kind = sk_opt_field_string(L, 1, "kind");
    int k = kind ? person_kind_parse(kind) : PERSON_CALLER;
    if (k < 0 || k == PERSON_PATIENT || k == PERSON_DOCTOR)
        return luaL_error(L, "cast.person: kind må være relative, caller eller colleague "
                             "(pasienter: cast.patient, leger: cast.doctor)");
    return add_person(L, (PersonKind)k, "cast.person");
}

static const char *const doctor_keys[] = {"id", "name", "phone", "role", NULL};

static int l_doctor(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    sk_check_keys(L, 1, "cast.doctor", doctor_keys);
    return add_person(L, PERSON_DOCTOR, "cast.doctor");
}

static const char *const patient_keys[] = {
    "id", "name", "fnr", "phone", "address", "role", "nearest_relative", "consent",
    "reservations", "notes", "results", "appointments", NULL};
static const char *const result_keys[] = {"test", "value", "unit", "date", "reference", NULL};
static const char *const appointment_keys[] = {"date", "time", "doctor", "reason", NULL};

/* Checks every part of a patient before anything is added to the world. */
static void check_patient(lua_State *L)
{
    Scenario *sc = sk_scenario(L);
    const char *lists[] = {"consent", "reservations", "notes", "results", "appointments"};
    for (int i = 0; i < 5; i++) {
        lua_getfield(L, 1, lists[i]);
        if (!lua_isnil(L, -1) && !lua_istable(L, -1))
            luaL_error(L, "cast.patient: %s må være en liste", lists[i]);
        lua_Integer n = lua_isnil(L, -1) ? 0 : luaL_len(L, -1);
        for (lua_Integer k = 1; k <= n; k++) {
            lua_geti(L, -1, k); /* 1: patient ... list item */
            if (i <= 2) {
                const char *s = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
                if (i == 0 && lua_istable(L, -1)) {
                    lua_getfield(L, -1, "id");
                    s = lua_tostring(L, -1);
                    lua_pop(L, 1);
                }
                if (!s)
                    luaL_error(L, "cast.patient: %s[%d] må være tekst", lists[i], (int)k);
                if (i == 0 && !world_person(sc->world, s))
                    luaL_error(L, "cast.patient: consent[%d]: «%s» er ikke i rollelisten ennå "
                                  "(definer pårørende før pasienten)",
                               (int)k, s);
            } else {
                if (!lua_istable(L, -1))
                    luaL_error(L, "cast.patient: %s[%d] må være en tabell", lists[i], (int)k);
                sk_check_keys(L, -1, i == 3 ? "results" : "appointments",
                              i == 3 ? result_keys : appointment_keys);
                int item = lua_gettop(L);
                if (i == 3) {
                    checked_text(L, item, "test", 1);
                    checked_text(L, item, "value", 1);
                    checked_text(L, item, "unit", 0);
                    checked_text(L, item, "date", 0);
                    checked_text(L, item, "reference", 0);
                } else {
                    checked_text(L, item, "date", 1);
                    checked_text(L, item, "time", 0);
                    checked_text(L, item, "doctor", 0);
                    checked_text(L, item, "reason", 0);
                }
            }
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    const char *rel = checked_text(L, 1, "nearest_relative", 0);
    if (rel && !world_person(sc->world, rel))
        luaL_error(L, "cast.patient: nearest_relative «%s» er ikke i rollelisten ennå "
                      "(definer pårørende før pasienten)",
                   rel);
}

static void add_list(lua_State *L, const char *field, StrList *out)
{
    lua_getfield(L, 1, field);
    lua_Integer n = lua_isnil(L, -1) ? 0 : luaL_len(L, -1);
    for (lua_Integer k = 1; k <= n; k++) {
        lua_geti(L, -1, k);
        if (lua_istable(L, -1)) {
            lua_getfield(L, -1, "id");
            lua_replace(L, -2);
        }
        strlist_push(out, lua_tostring(L, -1));
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

static int l_patient(lua_State *L)
{
    Scenario *sc = sk_scenario(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    sk_check_keys(L, 1, "cast.patient", patient_keys);
    const char *id = checked_text(L, 1, "id", 1);
    const char *name = checked_text(L, 1, "name", 1);
    const char *fnr = checked_text(L, 1, "fnr", 1);
    const char *phone = checked_text(L, 1, "phone", 0);
    const char *role = checked_text(L, 1, "role", 0);
    const char *address = checked_text(L, 1, "address", 0);
    const char *rel = checked_text(L, 1, "nearest_relative", 0);
    check_patient(L);
    char err[256];
    if (world_add_person(sc->world, id, name, PERSON_PATIENT, phone, role, err, sizeof err) != 0)
        return luaL_error(L, "cast.patient: %s", err);
    Record *r = world_add_record(sc->world, id, fnr, address, err, sizeof err);
    if (!r)
        return luaL_error(L, "cast.patient: %s", err);
    /* Checked above: nothing below raises. */
    r->nearest_relative = sk_xstrdup(rel);
    add_list(L, "consent", &r->consent);
    add_list(L, "reservations", &r->reservations);
    add_list(L, "notes", &r->notes);
    lua_getfield(L, 1, "results");
    lua_Integer n = lua_isnil(L, -1) ? 0 : luaL_len(L, -1);
    for (lua_Integer k = 1; k <= n; k++) {
        lua_geti(L, -1, k);
        int item = lua_gettop(L);
        record_add_result(r, sk_opt_field_string(L, item, "test"),
                          sk_opt_field_string(L, item, "value"),
                          sk_opt_field_string(L, item, "unit"),
                          sk_opt_field_string(L, item, "date"),
                          sk_opt_field_string(L, item, "reference"));
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    lua_getfield(L, 1, "appointments");
    n = lua_isnil(L, -1) ? 0 : luaL_len(L, -1);
    for (lua_Integer k = 1; k <= n; k++) {
        lua_geti(L, -1, k);
        int item = lua_gettop(L);
        record_add_appointment(r, sk_opt_field_string(L, item, "date"),
                               sk_opt_field_string(L, item, "time"),
                               sk_opt_field_string(L, item, "doctor"),
                               sk_opt_field_string(L, item, "reason"));
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    push_person(L, world_person(sc->world, id), r);
    return 1;
}

/* cast.get(id) -> the person table, or nil. */
static int l_get(lua_State *L)
{
    Scenario *sc = sk_scenario(L);
    const char *id = luaL_checkstring(L, 1);
    Person *p = world_person(sc->world, id);
    if (!p)
        return 0;
    push_person(L, p, world_record(sc->world, id));
    return 1;
}

/* cast.has_consent(patient, person) -> true if the record lets the office inform
 * that person. */
static int l_has_consent(lua_State *L)
{
    Scenario *sc = sk_scenario(L);
    const char *patient = sk_check_person(L, 1);
    const char *person = sk_check_person(L, 2);
    Record *r = world_record(sc->world, patient);
    if (!r)
        return luaL_error(L, "cast.has_consent: «%s» har ingen journal", patient);
    lua_pushboolean(L, strlist_index(&r->consent, person) >= 0);
    return 1;
}

const luaL_Reg sk_api_cast_functions[] = {
    {"patient", l_patient},
    {"person", l_person},
    {"doctor", l_doctor},
    {"get", l_get},
    {"has_consent", l_has_consent},
    {NULL, NULL},
};

/* ---------------------------------------------------------------- timebok */

static const char *const slots_keys[] = {"doctor", "day", "from", "to", "minutes", NULL};

/* Optional day = working days ahead (0-60) at field of the table at idx. */
static int opt_day(lua_State *L, int idx)
{
    lua_getfield(L, idx, "day");
    int isnum = 0;
    lua_Integer day = lua_tointegerx(L, -1, &isnum);
    int nil = lua_isnil(L, -1);
    lua_pop(L, 1);
    if (nil)
        return 0;
    if (!isnum || day < 0 || day > 60)
        luaL_error(L, "day må være et heltall 0-60 (virkedager fram fra i dag)");
    return (int)day;
}

/* A slot reference argument: "HH:MM" or "+N/HH:MM". */
static void check_slotref(lua_State *L, int idx, int *day, SimTime *t)
{
    const char *text = luaL_checkstring(L, idx);
    if (slotref_parse(text, day, t) != 0)
        luaL_argerror(L, idx, "time «TT:MM» (i dag) eller «+N/TT:MM» (N virkedager fram) ventet");
}

static int l_slots(lua_State *L)
{
    Scenario *sc = sk_scenario(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    sk_check_keys(L, 1, "timebok.slots", slots_keys);
    lua_getfield(L, 1, "doctor");
    const char *doctor = sk_check_person(L, 2);
    lua_getfield(L, 1, "from");
    SimTime from = sk_check_clock(L, 3);
    lua_getfield(L, 1, "to");
    SimTime to = sk_check_clock(L, 4);
    lua_getfield(L, 1, "minutes");
    lua_Integer minutes = luaL_optinteger(L, 5, 20);
    int day = opt_day(L, 1);
    if (minutes < 5 || minutes > 120 || to <= from || (to - from) / SIMTIME_MINUTE / minutes > 200)
        return luaL_error(L, "timebok.slots: from < to, minutes 5-120, høyst 200 timer");
    char err[256];
    for (SimTime t = from; t + minutes * SIMTIME_MINUTE <= to; t += minutes * SIMTIME_MINUTE)
        if (world_add_slot(sc->world, doctor, day, t, (int)minutes, NULL, NULL, err, sizeof err) != 0)
            return luaL_error(L, "timebok.slots: %s", err);
    return 0;
}

static const char *const book_keys[] = {"doctor", "day", "time", "patient", "note", NULL};

static int l_book(lua_State *L)
{
    Scenario *sc = sk_scenario(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    sk_check_keys(L, 1, "timebok.book", book_keys);
    lua_getfield(L, 1, "doctor");
    const char *doctor = sk_check_person(L, 2);
    lua_getfield(L, 1, "time");
    int day = 0;
    SimTime t = 0;
    check_slotref(L, 3, &day, &t);
    if (day == 0)
        day = opt_day(L, 1);
    lua_getfield(L, 1, "patient");
    const char *patient = sk_check_person(L, 4);
    const char *note = checked_text(L, 1, "note", 0);
    Slot *s = world_slot(sc->world, doctor, day, t);
    if (!s)
        return luaL_error(L, "timebok.book: %s har ingen time %s dag %d (lag den med "
                             "timebok.slots)",
                          doctor, lua_tostring(L, 3), day);
    if (s->patient)
        return luaL_error(L, "timebok.book: timen er allerede tatt av %s", s->patient);
    s->patient = sk_xstrdup(patient);
    s->note = sk_xstrdup(note);
    return 0;
}

/* timebok.patient_at(doctor, "HH:MM" | "+N/HH:MM") -> patient id, false if free,
 * nil if there is no such slot. */
static int l_patient_at(lua_State *L)
{
    Scenario *sc = sk_scenario(L);
    const char *doctor = sk_check_person(L, 1);
    int day = 0;
    SimTime t = 0;
    check_slotref(L, 2, &day, &t);
    Slot *s = world_slot(sc->world, doctor, day, t);
    if (!s)
        return 0;
    if (s->patient)
        lua_pushstring(L, s->patient);
    else
        lua_pushboolean(L, 0);
    return 1;
}

/* timebok.booked(patient) -> list of {doctor=, time=, day=} booked for the patient;
 * time is "HH:MM" today or "+N/HH:MM". */
static int l_booked(lua_State *L)
{
    Scenario *sc = sk_scenario(L);
    const char *patient = sk_check_person(L, 1);
    lua_newtable(L);
    int n = 0;
    char tb[16];
    for (size_t i = 0; i < sc->world->slot_count; i++) {
        Slot *s = &sc->world->slots[i];
        if (!s->patient || strcmp(s->patient, patient) != 0)
            continue;
        lua_createtable(L, 0, 3);
        lua_pushstring(L, s->doctor);
        lua_setfield(L, -2, "doctor");
        lua_pushstring(L, slotref_format(s->day, s->start, tb, sizeof tb));
        lua_setfield(L, -2, "time");
        lua_pushinteger(L, s->day);
        lua_setfield(L, -2, "day");
        lua_rawseti(L, -2, ++n);
    }
    return 1;
}

const luaL_Reg sk_api_timebok_functions[] = {
    {"slots", l_slots},
    {"book", l_book},
    {"patient_at", l_patient_at},
    {"booked", l_booked},
    {NULL, NULL},
};
