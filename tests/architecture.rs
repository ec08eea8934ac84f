//! The crate's imports run one way: no cycle between source files, and no writer
//! imports a reader.
//!
//! The edges are read from the source: every path that starts with `crate::`, `super::`,
//! `self::` or the name of a child module (in `use` trees, braces expanded, and in
//! code) is resolved to the deepest module file it names. A `mod x;` declaration is not
//! an edge. Unit-test code is left out (a `#[cfg(test)] mod tests { … }` block, or a
//! `tests.rs` file): tests may reach across layers.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module: its path from the crate root and its file.
struct Module {
    path: Vec<String>,
    file: PathBuf,
}

fn modules(src: &Path) -> Vec<Module> {
    let mut out = Vec::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            if p.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = p.strip_prefix(src).unwrap();
            let mut path: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            let last = path.pop().unwrap();
            let stem = last.trim_end_matches(".rs").to_string();
            match stem.as_str() {
                "lib" | "main" if path.is_empty() => {}
                "mod" => {}
                "tests" => continue,
                _ => path.push(stem),
            }
            if rel == Path::new("main.rs") {
                // The binary is a crate of its own.
                continue;
            }
            out.push(Module { path, file: p });
        }
    }
    out
}

/// The code of a file without comments, string contents and unit-test modules.
fn code(text: &str) -> String {
    let cut = text.find("#[cfg(test)]\nmod tests {").unwrap_or(text.len());
    let text = &text[..cut];
    let mut out = String::with_capacity(text.len());
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'"' => {
                // A string: its contents are not code.
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
                out.push_str("\"\"");
            }
            b'\'' => {
                // A char literal ('"' would open a string) or a lifetime.
                let lit = text[i..]
                    .char_indices()
                    .skip(1)
                    .take(12)
                    .find(|&(_, c)| c == '\'')
                    .map(|(k, _)| k)
                    .filter(|&k| {
                        let inner = &text[i + 1..i + k];
                        inner.starts_with('\\') || inner.chars().count() == 1
                    });
                match lit {
                    Some(k) => {
                        out.push_str("' '");
                        i += k + 1;
                    }
                    None => {
                        out.push('\'');
                        i += 1;
                    }
                }
            }
            _ => {
                let c = text[i..].chars().next().unwrap();
                out.push(c);
                i += c.len_utf8();
            }
        }
    }
    out
}

/// Expands a `use` tree ("a::{b, c::{d, e}}") into its paths.
fn expand(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        return vec![tree.split(" as ").next().unwrap().trim().to_string()];
    };
    let prefix = &tree[..open];
    let inner = &tree[open + 1..tree.rfind('}').unwrap()];
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (k, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..k]);
                start = k + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .flat_map(expand)
        .map(|p| {
            if p == "self" {
                prefix.trim_end_matches("::").to_string()
            } else {
                format!("{prefix}{p}")
            }
        })
        .collect()
}

/// The paths a file's code names: `use` trees and paths in code.
fn paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    // `use` statements, with their braces.
    while let Some(k) = find_word(rest, "use") {
        let after = &rest[k + 3..];
        let end = after.find(';').unwrap_or(after.len());
        out.extend(expand(&after[..end]));
        rest = &after[end..];
    }
    // Paths in code: identifiers joined by `::`.
    let b = code.as_bytes();
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut i = 0;
    while i < b.len() {
        if ident(b[i]) && (i == 0 || !(ident(b[i - 1]) || b[i - 1] == b':')) {
            let start = i;
            loop {
                while i < b.len() && ident(b[i]) {
                    i += 1;
                }
                if b.get(i..i + 2) == Some(b"::") && b.get(i + 2).is_some_and(|&c| ident(c)) {
                    i += 2;
                } else {
                    break;
                }
            }
            let p = &code[start..i];
            if p.contains("::") {
                out.push(p.to_string());
            }
        } else {
            i += 1;
        }
    }
    out
}

fn find_word(s: &str, w: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(k) = s[from..].find(w).map(|k| k + from) {
        let before = k == 0 || !(b[k - 1].is_ascii_alphanumeric() || b[k - 1] == b'_');
        let after = b.get(k + w.len()).is_some_and(|c| c.is_ascii_whitespace());
        if before && after {
            return Some(k);
        }
        from = k + w.len();
    }
    None
}

/// The module file a path names from module `at`, if it is another file of the crate.
fn resolve(path: &str, at: &[String], known: &BTreeSet<Vec<String>>) -> Option<Vec<String>> {
    let segs: Vec<&str> = path.split("::").map(str::trim).collect();
    let mut cur: Vec<String> = match segs.first()? {
        &"crate" => vec![],
        &"super" | &"self" => at.to_vec(),
        first => {
            // A child module named without a prefix (2018 paths).
            let mut child = at.to_vec();
            child.push((*first).to_string());
            if !known.contains(&child) {
                return None;
            }
            at.to_vec()
        }
    };
    let mut rest = &segs[..];
    // In `a/mod.rs` and `a.rs` alike, `super` is the parent module.
    while let Some((&s, r)) = rest.split_first() {
        match s {
            "crate" | "self" => {}
            "super" => {
                cur.pop()?;
            }
            _ => break,
        }
        rest = r;
    }
    for s in rest {
        let mut next = cur.clone();
        next.push((*s).to_string());
        if known.contains(&next) {
            cur = next;
        } else {
            break;
        }
    }
    (cur != at).then_some(cur)
}

fn name(m: &[String]) -> String {
    if m.is_empty() {
        "crate".into()
    } else {
        m.join("::")
    }
}

fn edges() -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mods = modules(&src);
    let known: BTreeSet<Vec<String>> = mods.iter().map(|m| m.path.clone()).collect();
    let mut out = BTreeMap::new();
    for m in &mods {
        let text = std::fs::read_to_string(&m.file).unwrap();
        let mut to = BTreeSet::new();
        for p in paths(&code(&text)) {
            if let Some(t) = resolve(&p, &m.path, &known) {
                to.insert(t);
            }
        }
        out.insert(m.path.clone(), to);
    }
    out
}

#[test]
fn no_cycle_between_files() {
    let g = edges();
    // Depth-first search, colouring modules; a grey module met again closes a cycle.
    #[derive(Clone, Copy, PartialEq)]
    enum Colour {
        White,
        Grey,
        Black,
    }
    let mut colour: BTreeMap<&Vec<String>, Colour> = g.keys().map(|k| (k, Colour::White)).collect();
    let mut cycles = Vec::new();
    fn visit<'a>(
        m: &'a Vec<String>,
        g: &'a BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        colour: &mut BTreeMap<&'a Vec<String>, Colour>,
        trail: &mut Vec<&'a Vec<String>>,
        cycles: &mut Vec<String>,
    ) {
        colour.insert(m, Colour::Grey);
        trail.push(m);
        for t in g.get(m).into_iter().flatten() {
            match colour.get(t).copied().unwrap_or(Colour::Black) {
                Colour::White => visit(t, g, colour, trail, cycles),
                Colour::Grey => {
                    let from = trail.iter().position(|x| *x == t).unwrap_or(0);
                    let mut names: Vec<String> = trail[from..].iter().map(|x| name(x)).collect();
                    names.push(name(t));
                    cycles.push(names.join(" -> "));
                }
                Colour::Black => {}
            }
        }
        trail.pop();
        colour.insert(m, Colour::Black);
    }
    let keys: Vec<&Vec<String>> = g.keys().collect();
    for k in keys {
        if colour[k] == Colour::White {
            visit(k, &g, &mut colour, &mut Vec::new(), &mut cycles);
        }
    }
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

#[test]
fn no_writer_imports_a_reader() {
    let g = edges();
    let bad: Vec<String> = g
        .iter()
        .filter(|(m, _)| m.first().is_some_and(|s| s == "write"))
        .flat_map(|(m, to)| {
            to.iter()
                .filter(|t| t.first().is_some_and(|s| s == "read"))
                .map(move |t| format!("{} -> {}", name(m), name(t)))
        })
        .collect();
    assert!(
        bad.is_empty(),
        "writers importing readers:\n{}",
        bad.join("\n")
    );
}

/// What each layer may import (by module path prefix); `diag` (the diagnostic type)
/// may be imported by any.
const LAYERS: &[(&str, &[&str])] = &[
    ("model", &["model"]),
    ("lang", &["lang", "model"]),
    ("read::lex", &["read::lex", "lang", "model"]),
    ("read::prepared", &[]),
    (
        "read::source",
        &[
            "read::source",
            "read::prepared",
            "read::format",
            "read::lex",
            "lang",
            "model",
        ],
    ),
    // The PDF reader turns glyphs and their geometry into a `Prepared` and hands it to
    // the shape rules; it then adds what only the faces show (italic runs).
    (
        "read::pdf",
        &[
            "read::pdf",
            "read::prepared",
            "read::shape",
            "read::format",
            "read::output",
            "read::lex",
            "lang",
            "model",
        ],
    ),
    // AKN is structured already: its reader builds the model directly, beside the
    // shape rules, and borrows their masthead recognisers.
    (
        "read::akn",
        &[
            "read::akn",
            "read::shape::masthead",
            "read::lex",
            "lang",
            "model",
        ],
    ),
    (
        "read::shape",
        &[
            "read::shape",
            "read::prepared",
            "read::format",
            "read::output",
            "read::lex",
            "lang",
            "model",
        ],
    ),
];

#[test]
fn layers_import_downward() {
    let g = edges();
    let under = |m: &[String], prefix: &str| {
        let p: Vec<&str> = prefix.split("::").collect();
        m.len() >= p.len() && m.iter().zip(&p).all(|(a, b)| a == b)
    };
    let mut bad = Vec::new();
    for (m, to) in &g {
        let Some((layer, allowed)) = LAYERS.iter().find(|(l, _)| under(m, l)) else {
            continue;
        };
        for t in to {
            let ok = under(t, "diag") || allowed.iter().any(|a| under(t, a));
            if !ok {
                bad.push(format!("{} ({layer}) -> {}", name(m), name(t)));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "imports against the layers:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_edges_are_found() {
    // The checks above are only as good as the edges: the reader's layers must show.
    let g = edges();
    let v = |s: &str| s.split("::").map(String::from).collect::<Vec<_>>();
    assert!(g[&v("read")].contains(&v("read::shape")));
    assert!(g[&v("read::shape::preface")].contains(&v("read::lex::organ")));
    assert!(g[&v("read::source::pdf_text")].contains(&v("read::prepared")));
    assert!(g[&v("read::lex::date")].contains(&v("read::lex::text")));
}

#[test]
fn use_trees_expand() {
    assert_eq!(
        expand("crate::a::{b, c::{d, e as f}, self}"),
        vec![
            "crate::a::b",
            "crate::a::c::d",
            "crate::a::c::e",
            "crate::a"
        ]
    );
    assert_eq!(
        resolve(
            "super::x::f",
            &["a".into(), "y".into()],
            &[
                vec!["a".into()],
                vec!["a".into(), "x".into()],
                vec!["a".into(), "y".into()]
            ]
            .into_iter()
            .collect(),
        ),
        Some(vec!["a".to_string(), "x".to_string()])
    );
}
