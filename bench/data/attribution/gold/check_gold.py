#!/usr/bin/env python3
"""Check gold/statements.jsonl against raw/: every `sentence` equals raw[start:start+len(sentence)],
is unique in its file, stays within 60 characters unless uniqueness forces more, and the fields are well formed."""
import json, os, sys
here = os.path.dirname(os.path.abspath(__file__))
raw_dir = os.path.join(here, '..', 'raw')
bad = 0
rows = [json.loads(l) for l in open(os.path.join(here, 'statements.jsonl'), encoding='utf-8')]
seen = set()
for i, r in enumerate(rows, 1):
    t = open(os.path.join(raw_dir, r['file']), encoding='utf-8').read()
    s, p = r['sentence'], r['start']
    def err(m):
        global bad; bad += 1; print(f'line {i} {r["file"]} {p}: {m}')
    if t[p:p + len(s)] != s: err('sentence != raw[start:start+len]')
    if t.count(s) != 1: err(f'sentence occurs {t.count(s)} times')
    if len(s) > 60 and t.count(s[:60].split("\n")[0]) == 1: err('longer than needed')
    if '\n' in s and t.count(s.split('\n')[0]) == 1: err('crosses a line break without need')
    if r['kind'] not in ('direct', 'reported', 'author', 'unattributed'): err('bad kind')
    if (r['kind'] == 'unattributed') != (r['speaker'] is None) and not (r['kind'] in ('direct', 'author') and r['speaker'] is None):
        err('speaker/kind mismatch')
    if (r['file'], p) in seen: err('duplicate start')
    seen.add((r['file'], p))
    for k in ('aliases', 'agreed', 'note'):
        if k not in r: err('missing ' + k)
docs = [json.loads(l) for l in open(os.path.join(here, 'documents.jsonl'), encoding='utf-8')]
files = sorted(f for f in os.listdir(raw_dir) if f.endswith('.txt'))
if sorted(d['file'] for d in docs) != files: bad += 1; print('documents.jsonl does not cover raw/ exactly')
for d in docs:
    t = open(os.path.join(raw_dir, d['file']), encoding='utf-8').read()
    if d['title'] is not None and d['title'] not in t and ' '.join(t.split()).find(d['title']) < 0:
        bad += 1; print('title not in file (after whitespace normalisation):', d['file'])
print(f'{len(rows)} statements, {len(docs)} documents, {bad} problems')
sys.exit(1 if bad else 0)
