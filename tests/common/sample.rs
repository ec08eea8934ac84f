//! The invariants any correct reading of a `../shared/pdf-sample` PDF meets, whatever
//! the reading (the PDF read directly, `pdftotext -layout`, plain `pdftotext`), and how
//! two readings of one PDF are compared.

use unres::model::*;

/// The symbol a file name stands for: `A_C.1_80_L.17-EN.pdf` → `A/C.1/80/L.17`.
pub fn symbol_of(path: &std::path::Path) -> String {
    let stem = path.file_stem().unwrap().to_string_lossy();
    stem.trim_end_matches("-EN").replace('_', "/")
}

/// `(a)`, `b)`, `(iv)`, `(2)` → their values, by the kind of the first label.
fn label_values(labels: &[String]) -> Option<Vec<u32>> {
    let bare: Vec<String> = labels
        .iter()
        .map(|l| l.trim_matches(['(', ')', '.']).to_string())
        .collect();
    let roman = bare.first().is_some_and(|b| b == "i");
    let digits = bare.first().is_some_and(|b| b == "1");
    bare.iter()
        .map(|b| {
            if digits {
                b.parse().ok()
            } else if roman {
                roman_value(b)
            } else {
                let mut cs = b.chars();
                match (cs.next(), cs.next()) {
                    (Some(c), None) if c.is_ascii_lowercase() => Some(c as u32 - 'a' as u32 + 1),
                    // (aa), (bb): after (z).
                    (Some(c), Some(d))
                        if c == d && cs.next().is_none() && c.is_ascii_lowercase() =>
                    {
                        Some(26 + c as u32 - 'a' as u32 + 1)
                    }
                    _ => None,
                }
            }
        })
        .collect()
}

fn roman_value(s: &str) -> Option<u32> {
    let v = |c| match c {
        'i' => Some(1),
        'v' => Some(5),
        'x' => Some(10),
        'l' => Some(50),
        _ => None,
    };
    let ds: Vec<u32> = s.chars().map(v).collect::<Option<_>>()?;
    let mut total = 0;
    for (k, d) in ds.iter().enumerate() {
        if ds.get(k + 1).is_some_and(|n| n > d) {
            total -= *d as i32;
        } else {
            total += *d as i32;
        }
    }
    (total > 0 && !ds.is_empty()).then_some(total as u32)
}

/// Labels under `p` (and under its sub-paragraphs) run (a), (b)… or (i), (ii)… or (1), (2)…
pub fn check_labels(p: &Paragraph, problems: &mut Vec<String>) {
    let labels: Vec<String> = p
        .subparagraphs
        .iter()
        .filter_map(|s| s.num.clone())
        .collect();
    if !labels.is_empty() {
        let ok = label_values(&labels)
            .is_some_and(|v| v.iter().enumerate().all(|(k, &n)| n == k as u32 + 1));
        if !ok {
            problems.push(format!(
                "labels under {} run {}",
                p.num.as_deref().unwrap_or("?"),
                labels.join(" ")
            ));
        }
    }
    for s in &p.subparagraphs {
        check_labels(s, problems);
    }
}

/// Top-level operative numbers per group (a section, or the body outside sections).
fn number_groups(blocks: &[Block], out: &mut Vec<Vec<String>>) {
    let mut loose: Vec<String> = Vec::new();
    for b in blocks {
        match b {
            Block::Paragraph(p) => {
                if let Some(n) = &p.num {
                    loose.push(n.clone());
                }
            }
            Block::Section(s) => {
                if !loose.is_empty() {
                    out.push(std::mem::take(&mut loose));
                }
                number_groups(&s.children, out);
            }
        }
    }
    if !loose.is_empty() {
        out.push(loose);
    }
}

fn numbers_ok(doc: &Resolution) -> Result<(), String> {
    let mut groups = Vec::new();
    number_groups(&doc.body, &mut groups);
    let value = |n: &String| n.trim_end_matches('.').parse::<u32>().ok();
    let all: Vec<Option<u32>> = groups.iter().flatten().map(value).collect();
    let straight = all
        .iter()
        .enumerate()
        .all(|(k, n)| *n == Some(k as u32 + 1));
    let restarting = groups.iter().all(|g| {
        g.iter()
            .enumerate()
            .all(|(k, n)| value(n) == Some(k as u32 + 1))
    });
    // A decision's items are lettered: (a), (b)…
    let names: Vec<String> = groups.iter().flatten().cloned().collect();
    let lettered = names.first().is_some_and(|n| n == "(a)")
        && label_values(&names)
            .is_some_and(|v| v.iter().enumerate().all(|(k, &n)| n == k as u32 + 1));
    if straight || restarting || lettered || all.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "operative numbers run {}",
            groups
                .iter()
                .flatten()
                .cloned()
                .collect::<Vec<_>>()
                .join(" ")
        ))
    }
}

/// Every paragraph's text (headings, contents, sub-paragraphs, wrap-ups), in order.
pub fn paragraph_texts(doc: &Resolution) -> Vec<String> {
    fn para(p: &Paragraph, out: &mut Vec<String>) {
        out.extend(p.heading.iter().map(Text::to_plain));
        out.extend(p.content.iter().map(Text::to_plain));
        for s in &p.subparagraphs {
            para(s, out);
        }
        out.extend(p.wrap_up.iter().map(Text::to_plain));
    }
    fn blocks(bs: &[Block], out: &mut Vec<String>) {
        for b in bs {
            match b {
                Block::Paragraph(p) => para(p, out),
                Block::Section(s) => {
                    out.push(s.heading.to_plain());
                    blocks(&s.children, out);
                }
            }
        }
    }
    let mut out = Vec::new();
    blocks(&doc.preamble, &mut out);
    blocks(&doc.body, &mut out);
    for a in &doc.annexes {
        blocks(&a.blocks, &mut out);
    }
    out
}

/// Every paragraph's text, notes included.
pub fn texts(doc: &Resolution) -> Vec<String> {
    let mut out = paragraph_texts(doc);
    out.extend(doc.footnotes.iter().map(|f| f.text.to_plain()));
    out
}

/// The structure two readings must share: paragraphs, operative numbers, notes.
pub fn structure(doc: &Resolution) -> (usize, Vec<Option<String>>, usize) {
    (
        doc.preambular_paragraphs().len(),
        doc.operative_paragraphs()
            .iter()
            .map(|p| p.num.clone())
            .collect(),
        doc.footnotes.len(),
    )
}

/// What is wrong with one reading of a pdf-sample PDF (nothing when it meets every invariant).
pub fn problems_of(doc: &Resolution, path: &std::path::Path) -> Vec<String> {
    let mut p = Vec::new();
    let symbol = symbol_of(path);
    if doc.meta.symbol.as_deref() != Some(symbol.as_str()) {
        p.push(format!("symbol {:?}, not {symbol}", doc.meta.symbol));
    }
    if symbol.contains("/RES/") {
        if doc.meta.adopted.is_none() {
            p.push("no adoption date".into());
        }
        if doc.meta.session.is_none() {
            p.push("no session".into());
        }
        if doc.meta.title.as_deref().unwrap_or("").is_empty() {
            p.push("no title".into());
        }
        if doc
            .closing
            .as_ref()
            .and_then(|c| c.meeting.as_ref())
            .is_none()
        {
            p.push("no meeting line".into());
        }
    }
    if let Err(e) = numbers_ok(doc) {
        p.push(e);
    }
    for par in doc.operative_paragraphs() {
        check_labels(par, &mut p);
    }
    for (k, f) in doc.footnotes.iter().enumerate() {
        if f.marker != (k + 1).to_string() || f.text.to_plain().trim().is_empty() {
            p.push(format!(
                "note {} (place {}) {:?}",
                f.marker,
                k + 1,
                f.text.to_plain()
            ));
            break;
        }
    }
    // A folio ("2/3") is never printed without the job number beside it, and a running
    // head never without the symbol: those two stand for them ("resolution 2/3" is text).
    let job = doc.meta.job_number.clone().unwrap_or_default();
    for t in texts(doc) {
        if (!job.is_empty() && t.contains(&job))
            || t.contains("Please recycle")
            || t.contains(&symbol)
        {
            p.push(format!("furniture in a paragraph: {t}"));
        }
    }
    p
}

/// How `text` (a reading of a PDF) compares with `direct` (the PDF read directly): `None`
/// when it agrees on the structure and 99.5 % of the words, else why.
pub fn disagreement(direct: &Resolution, text: &Resolution) -> Option<String> {
    let (a, b) = (structure(text), structure(direct));
    if a != b {
        return Some(format!(
            "structure: text {} preambular, {:?} operative, {} notes; PDF {}, {:?}, {}",
            a.0,
            a.1.iter()
                .map(|n| n.as_deref().unwrap_or("-"))
                .collect::<Vec<_>>()
                .join(" "),
            a.2,
            b.0,
            b.1.iter()
                .map(|n| n.as_deref().unwrap_or("-"))
                .collect::<Vec<_>>()
                .join(" "),
            b.2
        ));
    }
    let want = super::truth::body_words(direct);
    let got = super::truth::body_words(text);
    let want: Vec<&str> = want.iter().map(String::as_str).collect();
    let got: Vec<&str> = got.iter().map(String::as_str).collect();
    let hit = super::lcs_len(&want, &got);
    let pct = 100.0 * hit as f64 / want.len().max(1) as f64;
    (pct < 99.5).then(|| format!("words: {pct:.2} % of the PDF's in order"))
}

/// How many resolutions and drafts of pdf-sample passed, of how many.
#[derive(Default)]
pub struct Tally {
    pub res_ok: usize,
    pub res_all: usize,
    pub draft_ok: usize,
    pub draft_all: usize,
}

impl Tally {
    /// Counts the file `name` (`A_RES_…` a resolution, else a draft), passed when `ok`.
    pub fn add(&mut self, name: &str, ok: bool) {
        if name.starts_with("A_RES_") {
            self.res_all += 1;
            self.res_ok += usize::from(ok);
        } else {
            self.draft_all += 1;
            self.draft_ok += usize::from(ok);
        }
    }
}
