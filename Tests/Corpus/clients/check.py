#!/usr/bin/env python3
"""Validates the mail-client reply corpus (data only; it does not run the trimmer).

    python3 Tests/Corpus/clients/check.py

For tune/ and aside/ it checks that
  * every NAME.eml has a NAME.expected.txt and the other way round;
  * NAME is <client>-<language>-<form>-<n> with a known client and language;
  * the .eml uses CRLF line endings only, no line over 998 octets, and has the headers a reply needs (From, To with a
    reply+…@reply.tweedemening.example address, Subject, Date, Message-ID, MIME-Version, Content-Type);
  * the .eml parses with Python's email package (policy=email.policy.default) without defects, also
    after decoding every text part -- except when NAME contains "broken", which must have a defect;
  * the .expected.txt is UTF-8 with LF only, no trailing newline, no leading or trailing blank line and
    no run of blank lines;
  * every line of the .expected.txt occurs (whitespace-normalised) in every text part of the message
    (HTML tags stripped, entities decoded), so the expected text is really what the resident sent;
then it prints the counts per split, client, client family, language, form, MIME structure, charset
and transfer encoding, and the coverage rules (tune >= 160, aside >= 60, every language at least
twice in tune and once in aside). Exit status 1 on any problem.
"""
import collections
import email
import email.policy
import html
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SPLITS = ('tune', 'aside')
LANGS = ['nl', 'en', 'de', 'fr', 'es', 'pt', 'it', 'pl', 'tr', 'ar', 'ru', 'uk', 'sv', 'no', 'da', 'fi', 'cs', 'ro', 'zh', 'ja']
CLIENTS = {
    'gmail-web': 'gmail', 'gmail-android': 'gmail', 'gmail-ios': 'gmail',
    'apple-mail': 'apple', 'apple-mail-ios': 'apple',
    'outlook-desktop': 'outlook', 'outlook-web': 'outlook', 'outlook-ios': 'outlook', 'outlook-android': 'outlook',
    'exchange-plain': 'outlook',
    'thunderbird': 'thunderbird',
    'samsung-email': 'samsung',
    'yahoo-web': 'yahoo', 'yahoo-android': 'yahoo', 'yahoo-ios': 'yahoo',
    'windows-mail': 'windows-mail',
    'qq-mail': 'qq-mail',
}
MIN = {'tune': 160, 'aside': 60}
MIN_PER_LANG = {'tune': 2, 'aside': 1}
REPLY_TO = re.compile(r'reply\+[a-z0-9]+\.[a-z2-7]+@reply\.tweedemening\.example')

problems = []


def problem(split, name, msg):
    problems.append(f'{split}/{name}: {msg}')


def parse_name(name):
    parts = name.split('-')
    for i, p in enumerate(parts):
        if p in LANGS and i > 0:
            client, lang, rest = '-'.join(parts[:i]), p, parts[i + 1:]
            if len(rest) >= 2 and rest[-1].isdigit():
                return client, lang, '-'.join(rest[:-1])
            return None
    return None


def visible(text):
    text = re.sub(r'(?is)<(style|head)\b.*?</\1>', ' ', text)
    text = re.sub(r'(?s)<!--.*?-->', ' ', text)
    text = re.sub(r'<[^>]+>', ' ', text)
    return html.unescape(text)


def norm(s):
    return ' '.join(s.replace('\u00a0', ' ').split())


def all_defects(msg):
    found = []
    for part in msg.walk():
        found += [type(d).__name__ for d in part.defects]
        for k, v in part.items():
            found += [f'{k}:{type(d).__name__}' for d in getattr(v, 'defects', ())]
        if part.get_content_maintype() == 'text':
            try:
                part.get_content()
            except Exception as e:  # undecodable body
                found.append(f'decode:{e}')
            found += [type(d).__name__ for d in part.defects if type(d).__name__ not in found]
    return found


def text_parts(msg):
    out = []
    for part in msg.walk():
        if part.get_content_maintype() == 'text' and not part.is_multipart():
            try:
                content = part.get_content()
            except Exception:
                continue
            if part.get_content_subtype() == 'html':
                content = visible(content)
            out.append((part.get_content_type(), norm(content)))
    return out


def structure(msg):
    if msg.is_multipart():
        return msg.get_content_type() + '(' + '+'.join(p.get_content_type() for p in msg.iter_parts()) + ')'
    return msg.get_content_type() + (' format=flowed' if msg.get_param('format') == 'flowed' else '')


def check_expected(split, name, path):
    raw = open(path, 'rb').read()
    try:
        text = raw.decode('utf-8')
    except UnicodeDecodeError:
        problem(split, name, 'expected.txt is not UTF-8')
        return None
    if '\r' in text:
        problem(split, name, 'expected.txt has CR characters')
    if text.endswith('\n'):
        problem(split, name, 'expected.txt ends with a newline')
    if text != text.strip('\n') or text.strip() == '':
        problem(split, name, 'expected.txt has leading/trailing blank lines or is empty')
    if re.search(r'\n[ \t]*\n[ \t]*\n', text):
        problem(split, name, 'expected.txt has a run of blank lines')
    return text


def main():
    counts = {s: collections.defaultdict(collections.Counter) for s in SPLITS}
    for split in SPLITS:
        folder = os.path.join(HERE, split)
        if not os.path.isdir(folder):
            problem(split, '-', 'folder missing')
            continue
        files = sorted(os.listdir(folder))
        emls = {f[:-4] for f in files if f.endswith('.eml')}
        exps = {f[:-len('.expected.txt')] for f in files if f.endswith('.expected.txt')}
        for f in files:
            if not (f.endswith('.eml') or f.endswith('.expected.txt')):
                problem(split, f, 'unexpected file')
        for n in sorted(emls - exps):
            problem(split, n, 'missing .expected.txt')
        for n in sorted(exps - emls):
            problem(split, n, 'missing .eml')
        for name in sorted(emls & exps):
            parsed = parse_name(name)
            if not parsed:
                problem(split, name, 'name is not <client>-<language>-<form>-<n>')
                continue
            client, lang, form = parsed
            if client not in CLIENTS:
                problem(split, name, f'unknown client {client}')
                continue
            expected = check_expected(split, name, os.path.join(folder, name + '.expected.txt'))
            raw = open(os.path.join(folder, name + '.eml'), 'rb').read()
            if re.search(rb'(?<!\r)\n', raw) or re.search(rb'\r(?!\n)', raw):
                problem(split, name, 'line endings are not CRLF')
            if any(len(line) > 998 for line in raw.split(b'\r\n')):
                problem(split, name, 'a line is longer than 998 octets (RFC 5322)')
            msg = email.message_from_bytes(raw, policy=email.policy.default)
            for h in ('From', 'To', 'Subject', 'Date', 'Message-ID', 'MIME-Version', 'Content-Type'):
                if msg[h] is None:
                    problem(split, name, f'header {h} missing')
            if msg['To'] is not None and not REPLY_TO.search(str(msg['To'])):
                problem(split, name, 'To is not a reply+…@reply.tweedemening.example address')
            defects = all_defects(msg)
            if 'broken' in form:
                if not defects:
                    problem(split, name, 'named broken but parses without defects')
            elif defects:
                problem(split, name, 'defects: ' + ', '.join(sorted(set(defects))))
            parts = text_parts(msg)
            if not parts:
                problem(split, name, 'no text part')
            if expected is not None:
                for line in expected.split('\n'):
                    n = norm(line)
                    if not n:
                        continue
                    for ctype, content in parts:
                        if n not in content:
                            problem(split, name, f'expected line not in {ctype}: {line!r}')
            c = counts[split]
            c['client'][client] += 1
            c['family'][CLIENTS[client]] += 1
            c['language'][lang] += 1
            c['form'][form] += 1
            c['structure'][structure(msg)] += 1
            for part in msg.walk():
                if part.get_content_maintype() == 'text':
                    c['charset'][(part.get_content_charset() or 'us-ascii').lower()] += 1
                    c['transfer encoding'][(part.get('Content-Transfer-Encoding') or '7bit').lower()] += 1
            c['total']['messages'] += 1

    for split in SPLITS:
        c = counts[split]
        print(f'== {split}: {c["total"]["messages"]} messages')
        for key in ('family', 'client', 'language', 'form', 'structure', 'charset', 'transfer encoding'):
            items = sorted(c[key].items(), key=lambda kv: (-kv[1], kv[0]))
            print(f'  per {key} ({len(items)}): ' + ', '.join(f'{k} {v}' for k, v in items))
        total = c['total']['messages']
        if total < MIN[split]:
            problem(split, '-', f'only {total} messages, want at least {MIN[split]}')
        for lang in LANGS:
            if c['language'][lang] < MIN_PER_LANG[split]:
                problem(split, '-', f'language {lang}: {c["language"][lang]} messages, want at least {MIN_PER_LANG[split]}')
    t, a = counts['tune'], counts['aside']
    for key in ('client', 'form'):
        missing = sorted(set(t[key]) - set(a[key]))
        if missing:
            print(f'  note: {key}s in tune but not in aside: ' + ', '.join(missing))
    if problems:
        print(f'\n{len(problems)} problem(s):')
        for p in problems:
            print('  ' + p)
        return 1
    print('\nOK: every .eml has its .expected.txt, all parse cleanly, coverage rules met.')
    return 0


if __name__ == '__main__':
    sys.exit(main())
