#!/usr/bin/env python3
"""Renders Markdown files with the renderers people use and checks what a reader sees.

Usage: render.py MANIFEST.json > REPORT.json

The manifest is a JSON list of documents:
  {"name", "md": path, "body": path or null, "notes": int, "labels": [[label, depth], ...],
   "backslashes": int, "front_matter": [line, ...]}
`labels` lists every printed paragraph number and sub-paragraph label in reading order with
its nesting depth (0 for a paragraph, 1 for (a), 2 for (i)); `backslashes` is how many `\\`
the document's own text has; `front_matter` the lines between the `---` fences.

The renderers, configured as their best-known users run them:
  cmark-gfm       GitHub's parser with its footnote option; the front matter is taken off
                  first, as GitHub and GitLab do before they render;
  python-markdown as MkDocs runs it: footnotes, attr_list, tables, toc; front matter taken
                  off first, as MkDocs does;
  markdown-it     CommonMark with HTML, tables, strikethrough, and the footnote and
                  front_matter plugins (VitePress, Wiki.js);
  pandoc          pandoc 3, `-f gfm`, all files through one `pandoc lua` process.

Besides the checks of each rendering, the words, the notes' words and the italics of each
renderer must be those of the first (cmark-gfm).

The report is a JSON object: {"renderers": {name: version}, "documents": [{"name",
"renderer", "words": [in order, of], "notes", "backlinks", "failures": [...]}, ...]}.
Exit status 3 (with the reason on stderr) when a renderer is missing.
"""

import html.parser
import json
import os
import re
import shutil
import subprocess
import sys

MISSING = 3


class Missing(Exception):
    """A renderer is not installed."""
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def load_renderers():
    """The four renderers as name -> (version, function from Markdown to HTML)."""
    try:
        import cmarkgfm
        from cmarkgfm.cmark import Options as CmarkOptions
        import markdown
        from markdown_it import MarkdownIt
        from mdit_py_plugins.footnote import footnote_plugin
        from mdit_py_plugins.front_matter import front_matter_plugin
        import importlib.metadata as meta
    except ImportError as e:
        raise Missing(
            f"python package {e.name} missing (pip install markdown markdown-it-py mdit-py-plugins cmarkgfm)"
        ) from e
    pandoc = find_pandoc()
    if pandoc is None:
        raise Missing("pandoc 3 not found (pip install pypandoc_binary)")
    mdit = (
        MarkdownIt("commonmark")
        .enable(["table", "strikethrough"])
        .use(front_matter_plugin)
        .use(footnote_plugin)
    )
    py_md = markdown.Markdown(extensions=["footnotes", "attr_list", "tables", "toc"])

    def python_markdown(text):
        py_md.reset()
        return py_md.convert(strip_front_matter(text))

    def cmark(text):
        return cmarkgfm.github_flavored_markdown_to_html(
            strip_front_matter(text), options=CmarkOptions.CMARK_OPT_FOOTNOTES
        )

    return {
        "cmark-gfm": (meta.version("cmarkgfm"), cmark),
        "python-markdown": (markdown.__version__, python_markdown),
        "markdown-it": (meta.version("markdown-it-py"), mdit.render),
        "pandoc": pandoc,
    }


def strip_front_matter(text):
    return FRONT_MATTER.sub("", text, count=1)


def find_pandoc():
    """(version, None) for pandoc 3 from pypandoc_binary or PATH (it renders in one batch,
    see pandoc_all), or None."""
    candidates = []
    try:
        import pypandoc

        candidates.append(pypandoc.get_pandoc_path())
    except (ImportError, OSError):
        pass
    if shutil.which("pandoc"):
        candidates.append(shutil.which("pandoc"))
    for path in candidates:
        try:
            out = subprocess.run([path, "--version"], capture_output=True, text=True, check=True).stdout
        except (OSError, subprocess.CalledProcessError):
            continue
        m = re.match(r"pandoc(?:\.exe)? (\d+)\.", out)
        if m and int(m.group(1)) >= 3:
            find_pandoc.path = path
            return (out.split()[1], None)
    return None


def pandoc_all(paths):
    """HTML of every file from one `pandoc lua` process (pandoc.read with gfm, pandoc.write html)."""
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pandoc.lua")
    out = subprocess.run(
        [find_pandoc.path, "lua", script],
        input="".join(p + "\n" for p in paths).encode("utf-8"),
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    parts = out.split("\0")
    return parts[: len(paths)]


# Superscript digits, removed from the words (a raised mark whose note is not printed).
RAISED = {ord(c): None for c in "\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079"}

BLOCKS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "div", "section", "hr",
    "br", "ol", "ul", "table", "tr", "td", "th", "pre", "dl", "dt", "dd",
}
NESTING = {"blockquote", "ul", "ol"}
VOID = {"br", "hr", "img", "input", "meta", "link"}


class Page(html.parser.HTMLParser):
    """What a reader sees: the text blocks outside the footnotes with their nesting depth,
    the footnotes with their back-links, and list items."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, role) of open elements
        self.blocks = []  # [text, depth, in_list_item] outside the notes
        self.note_text = []
        self.notes = 0
        self.linked_back = set()  # the notes (by count) with a link back to their mark
        self.emphasis = []  # the text of each emphasis, outside the notes
        self.list_items = 0
        self.current = None

    def role(self, tag, attrs):
        a = dict(attrs)
        cls = (a.get("class") or "").split()
        href = a.get("href") or ""
        if tag in ("section", "div") and any(c.startswith("footnote") for c in cls):
            return "notes"
        if "footnote-ref" in cls or (tag == "a" and a.get("role") == "doc-noteref"):
            return "mark"
        if tag == "a" and re.match(r"#fnref", href):
            return "backlink"
        return ""

    def inside(self, role):
        return any(r == role for _, r in self.stack)

    def handle_starttag(self, tag, attrs):
        role = self.role(tag, attrs)
        in_notes = self.inside("notes") or role == "notes"
        if tag in BLOCKS:
            self.current = None
        if tag == "li":
            if not in_notes:
                self.list_items += 1
            elif not any(t == "li" for t, _ in self.stack):
                # A note is an item of the notes' list (an item inside a note is not another note).
                self.notes += 1
        if role == "backlink" and in_notes:
            self.linked_back.add(self.notes)
        if tag == "em" and not in_notes:
            self.emphasis.append("")
        if tag not in VOID:
            self.stack.append((tag, role))

    def handle_endtag(self, tag):
        if tag in BLOCKS:
            self.current = None
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if self.inside("mark") or self.inside("backlink"):
            return
        if any(t == "em" for t, _ in self.stack) and not self.inside("notes"):
            self.emphasis[-1] += data
        if self.inside("notes"):
            self.note_text.append(data)
            return
        if self.current is None:
            depth = sum(1 for t, _ in self.stack if t in NESTING)
            in_item = any(t == "li" for t, _ in self.stack)
            self.current = [[], depth, in_item]
            self.blocks.append(self.current)
        self.current[0].append(data)


def lcs_len(a, b):
    """Length of the longest common subsequence of two word lists, bit-parallel
    (Allison-Dix / Hyyrö): one pass over `b` with `a` as the bits of one integer."""
    if not a or not b:
        return 0
    masks = {}
    for i, x in enumerate(a):
        masks[x] = masks.get(x, 0) | (1 << i)
    full = (1 << len(a)) - 1
    v = full
    for y in b:
        u = v & masks.get(y, 0)
        v = ((v + u) | (v - u)) & full
    return len(a) - bin(v).count("1")


def check(doc, rendered):
    """Failures of one rendered document."""
    page = Page()
    page.feed(rendered)
    page.close()
    failures = []
    blocks = [("".join(parts), depth, item) for parts, depth, item in page.blocks]
    text = " ".join(t for t, _, _ in blocks)
    # A mark whose note is not printed is written in superscript digits: no word.
    words = [w for w in text.translate(RAISED).split() if w]
    result = {"notes": page.notes, "backlinks": len(page.linked_back), "words": None}

    if doc.get("body"):
        with open(doc["body"], encoding="utf-8") as f:
            body = f.read().split()
        kept = lcs_len(body, words)
        result["words"] = [kept, len(body)]
        if kept < 0.995 * len(body):
            failures.append(f"only {kept} of {len(body)} body words in order ({100 * kept / max(len(body), 1):.2f} %)")

    # Each number and label once, as text, at the start of its own block, nested as in the model.
    at = 0
    for label, depth in doc["labels"]:
        while at < len(blocks) and not starts_with(blocks[at][0], label):
            at += 1
        if at == len(blocks):
            failures.append(f"label {label} not found in order")
            break
        t, d, item = blocks[at]
        rest = t.strip()[len(label):].strip()
        if starts_with(rest, label):
            failures.append(f"label {label} shown twice")
        if item:
            failures.append(f"label {label} in a list item (a bullet or number besides the label)")
        if d != depth:
            failures.append(f"label {label} at depth {d}, expected {depth}")
        at += 1
    if page.list_items:
        failures.append(f"{page.list_items} list items (a marker besides the printed label)")

    if page.notes != doc["notes"]:
        failures.append(f"{page.notes} footnotes, expected {doc['notes']}")
    if len(page.linked_back) < page.notes:
        failures.append(f"{page.notes - len(page.linked_back)} footnotes without a back-link")

    shown = text + " " + " ".join(page.note_text)
    if shown.count("\\") > doc["backslashes"]:
        failures.append(f"{shown.count(chr(92)) - doc['backslashes']} backslashes shown: {context(shown, chr(92))}")
    for line in doc["front_matter"]:
        if line.strip() and line in shown:
            failures.append(f"front matter shown: {line}")
            break
    result["failures"] = failures
    # What must be the same in every renderer: the words, the notes' words, the italics.
    result["same"] = {
        "words": words + ["|"] + " ".join(page.note_text).split(),
        "italics": [" ".join(e.split()) for e in page.emphasis],
    }
    return result


def starts_with(text, label):
    t = text.strip()
    return t.startswith(label) and (len(t) == len(label) or t[len(label)].isspace())


def context(text, needle):
    i = text.find(needle)
    return repr(text[max(0, i - 30) : i + 30])


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        docs = json.load(f)
    try:
        renderers = load_renderers()
    except Missing as e:
        print(e, file=sys.stderr)
        sys.exit(MISSING)
    sources = []
    for doc in docs:
        with open(doc["md"], encoding="utf-8") as f:
            sources.append(f.read())
    pandoc_html = pandoc_all([d["md"] for d in docs])
    report = {"renderers": {n: v for n, (v, _) in renderers.items()}, "documents": []}
    for i, doc in enumerate(docs):
        first = None
        for name, (_, render) in renderers.items():
            rendered = pandoc_html[i] if render is None else render(sources[i])
            r = check(doc, rendered)
            r["name"] = doc["name"]
            r["renderer"] = name
            same = r.pop("same")
            if first is None:
                first = (name, same)
            else:
                for what, mine in same.items():
                    theirs = first[1][what]
                    if mine != theirs:
                        r["failures"].append(f"{what} differ from {first[0]}'s: {difference(theirs, mine)}")
            report["documents"].append(r)
    json.dump(report, sys.stdout)


def difference(a, b):
    """Where two lists first differ, with a little context."""
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"at {i} of {len(a)}/{len(b)}: {a[max(0, i - 3) : i + 3]} vs {b[max(0, i - 3) : i + 3]}"


if __name__ == "__main__":
    main()
