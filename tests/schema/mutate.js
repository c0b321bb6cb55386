#!/usr/bin/env node
// Negative controls for the report schema: writes copies of one valid report, each
// broken in one way, into OUT_DIR as NAME.json, and prints one line per copy:
// "NAME<TAB>POINTER", the JSON Pointer the validator must name for it.
//   node mutate.js REPORT OUT_DIR
// REPORT must have a timeline with a serve, an answer, a type and a choose action,
// an award, a finish happening and a trainee line (telefon-datter-provesvar/riktig).
'use strict';

const fs = require('fs');
const path = require('path');

if (process.argv.length !== 4) {
    process.stderr.write('usage: node mutate.js REPORT OUT_DIR\n');
    process.exit(2);
}
const text = fs.readFileSync(process.argv[2], 'utf8');
const out = process.argv[3];
const fresh = () => JSON.parse(text);

// Index of the first timeline entry matching the test; the report must have one.
function find(doc, test, what) {
    const i = doc.timeline.findIndex(test);
    if (i < 0) {
        process.stderr.write(`mutate.js: ${process.argv[2]}: no ${what} in the timeline\n`);
        process.exit(2);
    }
    return i;
}
const action = (name) => (doc) => find(doc, (e) => e.type === 'action' && e.action === name, `${name} action`);
const happening = (code) => (doc) => find(doc, (e) => e.type === 'happening' && e.code === code, `${code} happening`);
const award = (doc) => find(doc, (e) => e.type === 'score' && e.kind === 'award', 'award');
const traineeLine = (doc) => find(doc, (e) => e.type === 'say' && e.who === 'trainee', 'trainee line');
const personLine = (doc) => find(doc, (e) => e.type === 'say' && e.who !== 'trainee', 'person line');

// [name, change(doc) -> JSON Pointer of the error]; each change breaks one rule.
const cases = [
    ['grade-7', (d) => { d.result.grade = 7; return '/result/grade'; }],
    ['grade-0', (d) => { d.result.points_grade = 0; return '/result/points_grade'; }],
    ['missing-result-points', (d) => { delete d.result.points; return '/result'; }],
    ['extra-top-level-field', (d) => { d.comment = 'hei'; return '/'; }],
    ['extra-result-field', (d) => { d.result.bonus = 1; return '/result'; }],
    ['seed-is-a-string', (d) => { d.seed = String(d.seed); return '/seed'; }],
    ['seed-above-2^53-1', (d) => { d.seed = 9007199254740992; return '/seed'; }],
    ['seed-negative', (d) => { d.seed = -1; return '/seed'; }],
    ['seed-fraction', (d) => { d.seed = 1.5; return '/seed'; }],
    ['timeline-unknown-type', (d) => { d.timeline[0].type = 'thought'; return '/timeline/0/type'; }],
    ['sha256-uppercase', (d) => { d.scenario.sha256 = d.scenario.sha256.toUpperCase(); return '/scenario/sha256'; }],
    ['sha256-too-short', (d) => { d.scenario.sha256 = d.scenario.sha256.slice(1); return '/scenario/sha256'; }],
    ['wall-duration-negative', (d) => { d.wall.duration_ms = -4; return '/wall/duration_ms'; }],
    ['wall-not-utc', (d) => { d.wall.started = '2026-11-22T10:00:00+01:00'; return '/wall/started'; }],
    ['wall-missing', (d) => { d.wall = {}; return '/wall'; }],
    ['format-version-3', (d) => { d.format_version = 3; return '/format_version'; }],
    ['format-other', (d) => { d.format = 'skranken-exam-result'; return '/format'; }],
    ['mode-unknown', (d) => { d.mode = 'training'; return '/mode'; }],
    ['trainee-empty', (d) => { d.trainee = ''; return '/trainee'; }],
    ['trainee-control-character', (d) => { d.trainee = 'Kari\nElev'; return '/trainee'; }],
    ['fraction-above-1', (d) => { d.result.fraction = 1.5; return '/result/fraction'; }],
    ['fraction-four-decimals', (d) => { d.result.fraction = 0.5004; return '/result/fraction'; }],
    ['ended-at-without-leading-zero', (d) => { d.result.ended_at = '8:03:30'; return '/result/ended_at'; }],
    ['ended-at-25-hours', (d) => { d.result.ended_at = '25:00:00'; return '/result/ended_at'; }],
    ['end-reason-unknown', (d) => { d.result.end_reason = 'crash'; return '/result/end_reason'; }],
    ['passed-with-grade-1', (d) => { d.result.grade = 1; d.result.passed = true; return '/result/passed'; }],
    ['critical-error-but-grade-6', (d) => { d.result.critical_errors = 1; d.result.grade = 6; return '/result/grade'; }],
    ['goals-empty', (d) => { d.goals = []; return '/goals'; }],
    ['goal-extra-field', (d) => { d.goals[0].weight = 2; return '/goals/0'; }],
    ['goal-subject-unknown', (d) => { d.goals[0].subject = 'HSE9999'; return '/goals/0/subject'; }],
    ['goal-official-without-code', (d) => { d.goals[0].official = { uri: 'http://psi.udir.no/kl06/KM98' }; return '/goals/0/official'; }],
    ['goal-official-extra-field', (d) => { d.goals[0].official = { code: 'KM98', level: 'vg2' }; return '/goals/0/official'; }],
    ['critical-error-without-better', (d) => {
        d.critical_errors = [{ goal: d.goals[0].id, rule: 'hpl § 21', text: 'Ga ut opplysninger.', t: '08:02:55' }];
        return '/critical_errors/0';
    }],
    ['timeline-empty', (d) => { d.timeline = []; return '/timeline'; }],
    ['timeline-time-missing', (d) => { delete d.timeline[0].t; return '/timeline/0'; }],
    ['action-unknown', (d) => { const i = action('serve')(d); d.timeline[i].action = 'dance'; return `/timeline/${i}/action`; }],
    ['action-extra-field', (d) => { const i = action('serve')(d); d.timeline[i].line = 1; return `/timeline/${i}`; }],
    ['action-missing-field', (d) => { const i = action('answer')(d); delete d.timeline[i].line; return `/timeline/${i}`; }],
    ['action-line-0', (d) => { const i = action('answer')(d); d.timeline[i].line = 0; return `/timeline/${i}/line`; }],
    ['action-line-is-a-string', (d) => { const i = action('answer')(d); d.timeline[i].line = '1'; return `/timeline/${i}/line`; }],
    ['action-id-with-space', (d) => { const i = action('choose')(d); d.timeline[i].option = 'two words'; return `/timeline/${i}/option`; }],
    ['action-without-summary', (d) => { const i = action('serve')(d); delete d.timeline[i].summary; return `/timeline/${i}`; }],
    ['action-summary-as-text', (d) => { const i = action('serve')(d); d.timeline[i].text = d.timeline[i].summary; delete d.timeline[i].summary; return `/timeline/${i}`; }],
    ['happening-unknown-code', (d) => { const i = happening('finish')(d); d.timeline[i].code = 'explosion'; return `/timeline/${i}/code`; }],
    ['happening-finish-with-who', (d) => { const i = happening('finish')(d); d.timeline[i].who = 'jonas'; return `/timeline/${i}`; }],
    ['happening-arrival-without-who', (d) => { const i = happening('arrival')(d); delete d.timeline[i].who; return `/timeline/${i}`; }],
    ['say-trainee-without-to', (d) => { const i = traineeLine(d); delete d.timeline[i].to; return `/timeline/${i}`; }],
    ['say-person-with-to', (d) => { const i = personLine(d); d.timeline[i].to = 'trainee'; return `/timeline/${i}`; }],
    ['score-unknown-kind', (d) => { const i = award(d); d.timeline[i].kind = 'bonus'; return `/timeline/${i}/kind`; }],
    ['score-award-without-points', (d) => { const i = award(d); delete d.timeline[i].points; return `/timeline/${i}`; }],
    ['score-award-zero-points', (d) => { const i = award(d); d.timeline[i].points = 0; return `/timeline/${i}/points`; }],
    ['score-critical-with-points', (d) => {
        const i = award(d);
        Object.assign(d.timeline[i], { kind: 'critical', rule: 'hpl § 21', better: 'Bekreft identiteten først.' });
        return `/timeline/${i}`;
    }],
    ['score-critical-without-rule', (d) => {
        const i = award(d);
        delete d.timeline[i].points;
        Object.assign(d.timeline[i], { kind: 'critical', better: 'Bekreft identiteten først.' });
        return `/timeline/${i}`;
    }],
    ['inputs-unknown-action', (d) => { d.inputs.push('08:10:00 dance'); return `/inputs/${d.inputs.length - 1}`; }],
    ['inputs-without-time', (d) => { d.inputs.push('wait'); return `/inputs/${d.inputs.length - 1}`; }],
];

fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'original.json'), text);
for (const [name, change] of cases) {
    const doc = fresh();
    const where = change(doc);
    fs.writeFileSync(path.join(out, `${name}.json`), JSON.stringify(doc, null, '\t') + '\n');
    process.stdout.write(`${name}\t${where}\n`);
}
// Not a report at all: cut off in the middle.
fs.writeFileSync(path.join(out, 'truncated.json'), text.slice(0, Math.floor(text.length / 2)));
process.stdout.write('truncated\t/\n');
