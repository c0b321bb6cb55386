#!/usr/bin/env node
// Checks that the report's JSON Schema says what the engine writes, so the two
// cannot drift apart:
//   - the actions, their field names, order and argument types (action_specs in
//     engine/core/action.c) are the schema's action entries and inputs pattern;
//   - the event types and score kinds (engine/core/eventlog.c) and the happening
//     codes the engine logs (engine/core, engine/script) are the schema's enums.
//   node check_sync.js SCHEMA SOURCE_DIR
// Prints "ok   ..." or "FEIL ..." per check; exit 1 if any failed.
'use strict';

const fs = require('fs');
const path = require('path');

if (process.argv.length !== 4) {
    process.stderr.write('usage: node check_sync.js SCHEMA SOURCE_DIR\n');
    process.exit(2);
}
const schema = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const src = process.argv[3];
const read = (p) => fs.readFileSync(path.join(src, p), 'utf8');
let fails = 0;

function check(name, good, detail) {
    if (good) {
        process.stdout.write(`ok   ${name}\n`);
    } else {
        process.stdout.write(`FEIL ${name}: ${detail}\n`);
        fails++;
    }
}
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const show = (v) => JSON.stringify(v);

// --- action_specs
const actionC = read('engine/core/action.c');
const table = actionC.slice(actionC.indexOf('action_specs[ACTION_COUNT] = {'), actionC.indexOf('#undef A0'));
const specs = [];
const re = /\[ACTION_\w+\]\s*=\s*\{"(\w+)",\s*(?:A0|(\d+),\s*\{([^}]*)\},\s*\{([^}]*)\})/g;
for (let m; (m = re.exec(table)) !== null;) {
    const types = m[2] ? m[3].split(',').map((s) => s.trim()) : [];
    const fields = m[2] ? m[4].split(',').map((s) => s.trim().replace(/^"|"$/g, '')) : [];
    specs.push({ name: m[1], argc: m[2] ? Number(m[2]) : 0, types, fields });
}
const specCount = (actionC.match(/^\s*\[ACTION_\w+\]\s*=/gm) || []).length;
check('action-specs-read', specs.length > 0 && specs.length === specCount,
      `read ${specs.length} of ${specCount} entries of action_specs`);
const misread = specs.filter((s) => s.argc !== s.types.length || s.argc !== s.fields.length);
check('action-specs-shape', misread.length === 0,
      misread.map((s) => `${s.name}: argc ${s.argc}, ${s.types.length} types, ${s.fields.length} fields`).join('; '));

const names = specs.map((s) => s.name);
const entry = schema.$defs.actionEntry;
check('schema-action-names', same(entry.properties.action.enum, names),
      `schema ${show(entry.properties.action.enum)}, action_specs ${show(names)}`);

const argRef = {
    ARG_ID: '#/$defs/argId',
    ARG_TEXT: '#/$defs/argText',
    ARG_SLOT: '#/$defs/argSlot',
    ARG_INT: '#/$defs/argInt',
    ARG_LINE: '#/$defs/argLine',
};
const branches = entry.allOf || [];
check('schema-action-branches', branches.length === specs.length,
      `${branches.length} if/then branches for ${specs.length} actions`);
const wrong = [];
specs.forEach((s, i) => {
    const b = branches[i] || {};
    const name = b.if && b.if.properties && b.if.properties.action && b.if.properties.action.const;
    const props = (b.then && b.then.properties) || {};
    const fields = Object.keys(props);
    const refs = fields.map((f) => props[f].$ref);
    const want = s.types.map((t) => argRef[t]);
    const required = (b.then && b.then.required) || [];
    if (!(name === s.name && same(fields, s.fields) && same(refs, want) &&
          (s.fields.length ? same(required, s.fields) : !b.then.required)))
        wrong.push(`branch ${i} is ${show(name)} with fields ${show(fields)} ${show(refs)} required ` +
                   `${show(required)}, action_specs has ${s.name} ${show(s.fields)} ${show(want)}`);
});
check(`schema-action-fields (${specs.length} actions)`, wrong.length === 0, wrong.join('; '));

const inputsPattern = schema.properties.inputs.items.pattern;
const m = /\(((?:\w+\|)+\w+)\)/.exec(inputsPattern);
check('schema-inputs-actions', m && same(m[1].split('|'), names),
      `the inputs pattern names ${m ? show(m[1].split('|')) : 'no actions'}`);

// --- event types, score kinds, happening codes
const eventlogC = read('engine/core/eventlog.c');
const returns = (prefix) => [...eventlogC.matchAll(new RegExp(`case ${prefix}_\\w+: return "(\\w+)";`, 'g'))].map((x) => x[1]);
const eventTypes = returns('EVENT');
const scoreKinds = returns('SCORE');
check('schema-event-types', eventTypes.length > 0 && same(schema.$defs.timelineEntry.properties.type.enum, eventTypes),
      `schema ${show(schema.$defs.timelineEntry.properties.type.enum)}, eventlog.c ${show(eventTypes)}`);
check('schema-score-kinds', scoreKinds.length > 0 && same(schema.$defs.scoreEntry.properties.kind.enum, scoreKinds),
      `schema ${show(schema.$defs.scoreEntry.properties.kind.enum)}, eventlog.c ${show(scoreKinds)}`);

const codes = new Set();
for (const dir of ['engine/core', 'engine/script']) {
    for (const f of fs.readdirSync(path.join(src, dir)).filter((n) => n.endsWith('.c')).sort()) {
        const text = read(path.join(dir, f));
        for (const x of text.matchAll(/\b(?:happen|eventlog_add_happening)\(([^";]*?)"([a-z_0-9]+)"/g))
            codes.add(x[2]);
    }
}
const schemaCodes = schema.$defs.happeningEntry.properties.code.enum;
const sorted = (a) => [...a].sort();
check('schema-happening-codes', codes.size > 0 && same(sorted(schemaCodes), sorted(codes)),
      `schema ${show(sorted(schemaCodes))}, engine ${show(sorted(codes))}`);

process.exit(fails ? 1 : 0);
