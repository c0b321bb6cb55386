// Checks xAPI statements written by «skranken export-xapi» (docs/xapi.md) with
// Learning Locker's xapi-validation (dev-only, installed by tests/js/setup.sh).
//
//   node check_statements.js validate STATEMENTS.json
//       every statement has zero warnings; ids are unique UUIDs
//   node check_statements.js attempt STATEMENTS.json REPORT.json [BASE_IRI]
//       the statements of one report: verbs, registration, result, criticals,
//       goals (official when mapped), timestamps, all IRIs under the base
//   node check_statements.js negative STATEMENTS.json
//       broken copies of the first statement must each give warnings, so the
//       validator can make this test fail
// Prints one line per problem and exits 1 if there was any.
'use strict';
const fs = require('fs');
const validate = require('xapi-validation').default;

const [mode, file, reportFile, baseArg] = process.argv.slice(2);
const problems = [];
const fail = (msg) => problems.push(msg);
const statements = JSON.parse(fs.readFileSync(file, 'utf8'));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ADL = 'http://adlnet.gov/expapi/verbs/';

if (!Array.isArray(statements) || statements.length === 0) {
  fail(`${file}: ikke en ikke-tom JSON-liste`);
} else if (mode === 'validate') {
  const ids = new Set();
  statements.forEach((s, i) => {
    const warnings = validate(s);
    if (warnings.length) {
      const shown = warnings.map((w) => `${(w.path || []).join('.')}: ${JSON.stringify(w.data)}`.slice(0, 200));
      fail(`${file}: utsagn ${i + 1} (${s.verb && s.verb.id}): ${warnings.length} advarsler: ${shown.join('; ')}`);
    }
    if (!UUID.test(s.id)) fail(`${file}: utsagn ${i + 1}: id ${s.id} er ikke en versjon 5-UUID`);
    if (ids.has(s.id)) fail(`${file}: utsagn ${i + 1}: id ${s.id} står to ganger`);
    ids.add(s.id);
    if (s.version !== '1.0.3') fail(`${file}: utsagn ${i + 1}: version er ${s.version}`);
  });
  console.log(`${statements.length} utsagn validert`);
} else if (mode === 'attempt') {
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  const base = baseArg || 'https://skranken.example/xapi';
  const verbs = statements.map((s) => s.verb.id);
  const count = (id) => verbs.filter((v) => v === id).length;
  const outcome = report.result.passed ? 'passed' : 'failed';
  const other = report.result.passed ? 'failed' : 'passed';
  if (count(ADL + 'attempted') !== 1) fail('ikke nøyaktig ett «attempted»');
  if (count(ADL + 'completed') !== 1) fail('ikke nøyaktig ett «completed»');
  if (count(ADL + outcome) !== 1) fail(`ikke nøyaktig ett «${outcome}»`);
  if (count(ADL + other) !== 0) fail(`«${other}» for et forsøk som er ${outcome}`);
  const critical = statements.filter((s) => s.verb.id === `${base}/verbs/critical-error`);
  if (critical.length !== report.critical_errors.length) {
    fail(`${critical.length} utsagn om kritiske feil, rapporten har ${report.critical_errors.length}`);
  }
  if (statements.length !== 3 + report.critical_errors.length) {
    fail(`${statements.length} utsagn, ventet ${3 + report.critical_errors.length}`);
  }
  const regs = new Set(statements.map((s) => s.context && s.context.registration));
  if (regs.size !== 1) fail(`${regs.size} ulike registration i ett forsøk`);
  const reg = [...regs][0];
  if (!UUID.test(reg || '')) fail(`registration ${reg} er ikke en gyldig versjon 5-UUID`);
  for (const s of statements) {
    if (s.actor.account.name !== report.trainee || s.actor.name !== report.trainee) {
      fail(`aktøren er ${JSON.stringify(s.actor)}, ikke ${report.trainee}`);
    }
    if (s.object.id !== `${base}/scenario/${report.scenario.id}`) fail(`object.id er ${s.object.id}`);
    if (s.object.definition.name['nb-NO'] !== report.scenario.title) fail('scenarioets tittel mangler');
    if (s.context.revision !== report.scenario.version) fail('context.revision er ikke scenarioets versjon');
    const ext = s.context.extensions;
    if (ext[`${base}/extensions/seed`] !== report.seed) fail('frøet mangler i context.extensions');
    if (ext[`${base}/extensions/mode`] !== report.mode) fail('modus mangler i context.extensions');
    if (ext[`${base}/extensions/scenario-sha256`] !== report.scenario.sha256) fail('sha256 mangler');
    // every IRI we make is under the base (official Grep IRIs and ADL's excepted)
    const iris = JSON.stringify(s).match(/"https?:\/\/[^"]*"/g) || [];
    for (const q of iris) {
      const iri = q.slice(1, -1);
      if (!iri.startsWith(base) && !iri.startsWith('http://adlnet.gov/expapi/') &&
          !iri.startsWith('http://psi.udir.no/') && iri !== s.actor.account.homePage) {
        fail(`IRI utenfor basen: ${iri}`);
      }
    }
  }
  const attempted = statements.find((s) => s.verb.id === ADL + 'attempted');
  const completed = statements.find((s) => s.verb.id === ADL + 'completed');
  const result = statements.find((s) => s.verb.id === ADL + outcome);
  if (attempted && attempted.timestamp !== report.wall.started) fail('attempted.timestamp er ikke wall.started');
  if (completed && completed.timestamp !== report.wall.finished) fail('completed.timestamp er ikke wall.finished');
  if (completed && completed.result.completion !== true) fail('completed mangler completion');
  if (result) {
    const r = result.result;
    const score = r.score || {};
    if (score.raw !== report.result.points || score.max !== report.result.max || score.min !== 0 ||
        score.scaled !== report.result.fraction) {
      fail(`score ${JSON.stringify(score)} passer ikke rapporten`);
    }
    if (r.success !== report.result.passed) fail('success er ikke rapportens passed');
    if (r.completion !== true) fail('completion mangler');
    const ms = report.wall.duration_ms;
    const want = `PT${Math.floor(ms / 1000) % 60}${ms % 1000 ? '.' + String(ms % 1000).padStart(3, '0').replace(/0+$/, '') : ''}S`;
    if (ms < 60000 && r.duration !== want) fail(`duration ${r.duration}, ventet ${want}`);
    if (!/^PT(\d+H)?(\d+M)?(\d+(\.\d+)?S)?$/.test(r.duration)) fail(`duration ${r.duration} er ikke ISO 8601`);
    if (r.extensions[`${base}/extensions/grade`] !== report.result.grade) fail('karakteren mangler');
    const goals = r.extensions[`${base}/extensions/goals`];
    if (!Array.isArray(goals) || goals.length !== report.goals.length) fail('målene mangler i result.extensions');
    // the goals as context activities: working goal always, official when mapped
    const activities = result.context.contextActivities.other.map((a) => a.id);
    for (const g of report.goals) {
      if (!activities.includes(`${base}/goal/${g.id}`)) fail(`målet ${g.id} mangler i contextActivities.other`);
      if (g.official) {
        const a = result.context.contextActivities.other.find((x) => x.id === g.official.uri);
        if (!a) fail(`det offisielle målet ${g.official.uri} mangler`);
        else if (a.definition.extensions[`${base}/extensions/grep-code`] !== g.official.code) fail('Grep-koden mangler');
      }
    }
  }
  critical.forEach((s, i) => {
    const c = report.critical_errors[i];
    const ext = s.result.extensions;
    if (s.result.success !== false) fail('kritisk feil uten success false');
    if (ext[`${base}/extensions/goal`] !== c.goal || ext[`${base}/extensions/text`] !== c.text ||
        ext[`${base}/extensions/simulated-time`] !== c.t || (c.rule && ext[`${base}/extensions/rule`] !== c.rule)) {
      fail(`kritisk feil ${i + 1} passer ikke rapporten`);
    }
    if (!s.context.contextActivities.other.some((a) => a.id === `${base}/goal/${c.goal}`)) {
      fail(`kritisk feil ${i + 1}: målet mangler i contextActivities.other`);
    }
  });
  console.log(`${reportFile}: ${statements.length} utsagn, registration ${reg}`);
} else if (mode === 'negative') {
  const good = statements[0];
  if (validate(good).length !== 0) fail('utgangspunktet er ikke gyldig');
  const breakers = {
    'uten actor': (s) => { delete s.actor; },
    'verb uten IRI': (s) => { s.verb.id = 'attempted'; },
    'registration som ikke er en UUID': (s) => { s.context.registration = 'forsøk-1'; },
    'id som ikke er en UUID': (s) => { s.id = '1234'; },
    'tidsstempel som ikke er ISO 8601': (s) => { s.timestamp = '22.11.2026 10:00'; },
    'ukjent språkkode': (s) => { s.verb.display = { 'norsk bokmål': 'startet' }; },
    'to identifikatorer for aktøren': (s) => { s.actor.mbox = 'mailto:kari@skole.example'; },
    'score.scaled over 1': (s) => { s.result = { score: { scaled: 1.5 } }; },
    'raw større enn max': (s) => { s.result = { score: { raw: 20, min: 0, max: 17 } }; },
    'varighet som ikke er ISO 8601': (s) => { s.result = { duration: '4,2 sekunder' }; },
    'ukjent felt': (s) => { s.karakter = 6; },
  };
  for (const [name, breakIt] of Object.entries(breakers)) {
    const s = JSON.parse(JSON.stringify(good));
    breakIt(s);
    const n = validate(s).length;
    if (n === 0) fail(`negativ kontroll «${name}»: validatoren ga ingen advarsel`);
    else console.log(`negativ kontroll «${name}»: ${n} advarsler`);
  }
} else {
  fail(`ukjent modus ${mode}`);
}
for (const p of problems) console.log(`FEIL ${p}`);
process.exit(problems.length ? 1 : 0);
