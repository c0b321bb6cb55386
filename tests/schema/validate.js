#!/usr/bin/env node
// Validates Skranken reports against the report's JSON Schema (docs/report-schema-v2.json).
//   node validate.js [--strict-names] SCHEMA FILE_OR_DIR...
// A folder is searched for *.json files, recursively, in name order. Prints one line
// per error, "FILE: /pointer/in/report: message", then a count on stderr. Exit 0 when
// every file is valid, 1 when any is not, 2 for wrong usage or an unreadable schema.
//
// The schema cannot see a member name given twice in one object (JSON.parse keeps
// the last); they are reported as "warning:" lines, or as errors with --strict-names.
//
// Needs ajv and ajv-formats (tests/js, installed by tests/js/setup.sh): run with
// NODE_PATH=<build>/tests/js/node_modules.
'use strict';

const fs = require('fs');
const path = require('path');
const Ajv2020 = require('ajv/dist/2020');
const addFormats = require('ajv-formats');

function usage(msg) {
    process.stderr.write(`validate.js: ${msg}\n` +
        'usage: node validate.js [--strict-names] SCHEMA FILE_OR_DIR...\n');
    process.exit(2);
}

// JSON Pointer (RFC 6901) for a path of keys and indexes.
function pointer(parts) {
    if (parts.length === 0)
        return '/';
    return parts.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

// Member names given twice in one object, as JSON Pointers to the object with the
// name. The text is already known to be valid JSON.
function duplicateNames(text) {
    const found = [];
    let i = 0;
    const ws = () => { while (i < text.length && ' \t\n\r'.includes(text[i])) i++; };
    const str = () => { // at the opening quote; returns the decoded string
        const start = i;
        i++;
        while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
        i++;
        return JSON.parse(text.slice(start, i));
    };
    const value = (where) => {
        ws();
        const c = text[i];
        if (c === '{') {
            i++;
            const seen = new Set();
            ws();
            if (text[i] === '}') { i++; return; }
            for (;;) {
                ws();
                const name = str();
                if (seen.has(name))
                    found.push(`${pointer(where.concat(name))}: the name "${name}" is given twice in one object`);
                seen.add(name);
                ws();
                i++; // ':'
                value(where.concat(name));
                ws();
                if (text[i++] === '}') return;
            }
        } else if (c === '[') {
            i++;
            ws();
            if (text[i] === ']') { i++; return; }
            for (let n = 0; ; n++) {
                value(where.concat(n));
                ws();
                if (text[i++] === ']') return;
            }
        } else if (c === '"') {
            str();
        } else {
            while (i < text.length && !',]} \t\n\r'.includes(text[i])) i++;
        }
    };
    value([]);
    return found;
}

function describe(err) {
    const p = err.params || {};
    let msg = err.message || err.keyword;
    if (p.additionalProperty !== undefined)
        msg += ` («${p.additionalProperty}»)`;
    else if (p.allowedValues !== undefined)
        msg += `: ${p.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    else if (p.allowedValue !== undefined)
        msg += `: ${JSON.stringify(p.allowedValue)}`;
    else if (p.propertyName !== undefined && err.keyword === 'propertyNames')
        msg += ` («${p.propertyName}»)`;
    return msg;
}

function collect(arg, out) {
    let st;
    try {
        st = fs.statSync(arg);
    } catch (e) {
        out.push({ file: arg, missing: e.message });
        return;
    }
    if (st.isDirectory()) {
        for (const name of fs.readdirSync(arg).sort()) {
            const p = path.join(arg, name);
            if (fs.statSync(p).isDirectory())
                collect(p, out);
            else if (name.endsWith('.json'))
                out.push({ file: p });
        }
    } else {
        out.push({ file: arg });
    }
}

function main(argv) {
    let strictNames = false;
    const args = [];
    for (const a of argv) {
        if (a === '--strict-names')
            strictNames = true;
        else if (a.startsWith('--'))
            usage(`unknown option ${a}`);
        else
            args.push(a);
    }
    if (args.length < 2)
        usage('SCHEMA and at least one report file or folder are needed');

    let schema;
    try {
        schema = JSON.parse(fs.readFileSync(args[0], 'utf8'));
    } catch (e) {
        process.stderr.write(`${args[0]}: cannot read the schema: ${e.message}\n`);
        process.exit(2);
    }
    // strict: unknown keywords, types, required and tuples are schema errors.
    // multipleOfPrecision: "multipleOf": 0.001 on binary floating point (0.667).
    const ajv = new Ajv2020({ strict: true, allErrors: true, multipleOfPrecision: 9 });
    addFormats(ajv);
    let validate;
    try {
        validate = ajv.compile(schema);
    } catch (e) {
        process.stderr.write(`${args[0]}: not a usable schema: ${e.message}\n`);
        process.exit(2);
    }

    const files = [];
    for (const a of args.slice(1))
        collect(a, files);
    let valid = 0, invalid = 0;
    for (const f of files) {
        const errors = [];
        const warnings = [];
        if (f.missing) {
            errors.push(`/: cannot read: ${f.missing}`);
        } else {
            let text, doc;
            try {
                text = fs.readFileSync(f.file, 'utf8');
                doc = JSON.parse(text);
            } catch (e) {
                errors.push(`/: not JSON: ${e.message}`);
            }
            if (doc !== undefined) {
                for (const d of duplicateNames(text))
                    (strictNames ? errors : warnings).push(d);
                if (!validate(doc))
                    for (const e of validate.errors)
                        errors.push(`${e.instancePath || '/'}: ${describe(e)}`);
            }
        }
        for (const w of warnings)
            process.stdout.write(`warning: ${f.file}: ${w}\n`);
        for (const e of errors)
            process.stdout.write(`${f.file}: ${e}\n`);
        if (errors.length)
            invalid++;
        else
            valid++;
    }
    if (files.length === 0)
        process.stderr.write('validate.js: no report files (*.json) found\n');
    process.stderr.write(`validate.js: ${valid} valid, ${invalid} invalid\n`);
    process.exit(invalid || files.length === 0 ? 1 : 0);
}

main(process.argv.slice(2));
