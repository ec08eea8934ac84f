//! The plain-text export of the ODS Word file.
//!
//! Paragraphs are lines (tab-indented, `1.<TAB>` numbering); `[DU1]` comment
//! marks and `<<ODS …>>` fields are Word artefacts; the masthead block
//! (symbol, Distr., date of issue, session, agenda item, job number, barcode)
//! comes after the body. Word's own text export marks notes `[footnoteRef:1]` with
//! the note as `[1: text]` (after its paragraph or at the end) and leaves
//! `[bookmark: _GoBack]` where the cursor was.

use crate::diag::{Diagnostic, Kind};
use crate::read::prepared::{Note, Para, Prepared};

/// Splits an ODS export into body paragraphs, masthead lines and ODS fields.
pub fn prepare(text: &str) -> Prepared {
    let mut prep = Prepared::default();
    let mut in_masthead = false;
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let mut line = raw.replace("[DU1]", "");
        word_markers(&mut line, line_no, &mut prep.notes);
        if line.contains("<<ODS") {
            in_masthead = true;
            while let Some((name, value, rest)) = take_field(&line) {
                match name.as_str() {
                    "ODS JOB NO" if !value.is_empty() => prep.ods_job = Some(value),
                    "ODS DOC SYMBOL1" if !value.is_empty() => prep.ods_symbol = Some(value),
                    _ => {}
                }
                line = rest;
            }
        }
        let t = line.trim();
        if is_furniture(t) {
            if in_masthead {
                prep.masthead.push(Para {
                    line: line_no,
                    text: String::new(),
                });
            }
            continue;
        }
        if in_masthead {
            prep.masthead.push(Para {
                line: line_no,
                text: t.to_string(),
            });
        } else {
            prep.body.push(Para {
                line: line_no,
                text: tidy(t),
            });
        }
    }
    // A text cut off: its last paragraph stops without the punctuation that ends one.
    if let Some(last) = prep.body.last() {
        let ends = last.text.trim_end().ends_with(|c: char| {
            matches!(c, '.' | ';' | ':' | ',' | ')' | ']' | '”' | '"' | '’') || c.is_ascii_digit()
        });
        if !ends {
            prep.diagnostics.push(Diagnostic::warn(
                Kind::Other,
                last.line,
                "the text ends inside a paragraph: it may be cut off",
            ));
        }
    }
    prep
}

/// Word's export markers in `line`: `[footnoteRef:N]` becomes the mark `[^N]`, each
/// `[N: note text]` becomes note N (taken out of the line), `[bookmark: …]` goes.
pub(crate) fn word_markers(line: &mut String, line_no: usize, notes: &mut Vec<Note>) {
    if !line.contains('[') {
        return;
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line.as_str();
    while let Some(k) = rest.find('[') {
        out.push_str(&rest[..k]);
        let after = &rest[k + 1..];
        let Some(close) = closing_bracket(after) else {
            out.push_str(&rest[k..]);
            rest = "";
            break;
        };
        let inner = &after[..close];
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if let Some(n) = inner.strip_prefix("footnoteRef:").filter(|n| digits(n)) {
            out.push_str("[^");
            out.push_str(n);
            out.push(']');
        } else if inner.starts_with("bookmark:") {
        } else if let Some((n, text)) = inner.split_once(": ").filter(|(n, _)| digits(n)) {
            notes.push(Note {
                marker: n.to_string(),
                text: text.trim().to_string(),
                line: line_no,
            });
        } else {
            out.push('[');
            out.push_str(inner);
            out.push(']');
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    *line = out;
}

/// Where the `]` closing a bracket opened just before `s` stands (nested pairs skipped).
fn closing_bracket(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '[' => depth += 1,
            ']' if depth == 0 => return Some(i),
            ']' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// `<<NAME>>value<<NAME>>` at the start of a line: (name, value, the rest of the line).
pub(crate) fn take_field(line: &str) -> Option<(String, String, String)> {
    let start = line.find("<<")?;
    let name_end = start + 2 + line[start + 2..].find(">>")?;
    let name = line[start + 2..name_end].to_string();
    let close = format!("<<{name}>>");
    let after = &line[name_end + 2..];
    let (value, rest) = match after.find(&close) {
        Some(j) => (
            after[..j].trim().to_string(),
            after[j + close.len()..].to_string(),
        ),
        None => (String::new(), after.to_string()),
    };
    Some((name, value, format!("{}{}", &line[..start], rest)))
}

/// Rules of dashes or underscores and bare page numbers.
pub(crate) fn is_furniture(t: &str) -> bool {
    t.is_empty()
        || (t.len() >= 3 && t.chars().all(|c| matches!(c, '-' | '_' | '—' | '–')))
        || (t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit()))
}

/// Tabs inside a paragraph ("1.<TAB>Notes") become single spaces.
pub(crate) fn tidy(t: &str) -> String {
    t.split('\t')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_export_markers() {
        let p = prepare(
            "\tThe General Assembly,\n\
\tRecalling its resolution 1/1,[footnoteRef:1] and the report[footnoteRef:2][bookmark: _GoBack]\n\
[1:  Resolution 1/1, annex [I].] [2: A/1/2.]\n\
\t1.\tDecides to act on the report",
        );
        let body: Vec<&str> = p.body.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            body,
            [
                "The General Assembly,",
                "Recalling its resolution 1/1,[^1] and the report[^2]",
                "1. Decides to act on the report"
            ]
        );
        let notes: Vec<(&str, &str)> = p
            .notes
            .iter()
            .map(|n| (n.marker.as_str(), n.text.as_str()))
            .collect();
        assert_eq!(
            notes,
            [("1", "Resolution 1/1, annex [I]."), ("2", "A/1/2.")]
        );
        // Cut off inside paragraph 1.
        assert!(p.diagnostics.iter().any(|d| d.line == 4));
        assert!(prepare("\t1.\tDecides;\n").diagnostics.is_empty());
    }

    #[test]
    fn fields_and_masthead() {
        let p = prepare("[DU1]\n\t1.\tNotes it;\n64th plenary meeting\n[DU1]<<ODS JOB NO>>N1051986E<<ODS JOB NO>>\n<<ODS DOC SYMBOL1>>A/RES/65/122<<ODS DOC SYMBOL1>>\n_____\n3\nAgenda item 1\n");
        assert_eq!(p.ods_job.as_deref(), Some("N1051986E"));
        assert_eq!(p.ods_symbol.as_deref(), Some("A/RES/65/122"));
        assert_eq!(
            p.body.iter().map(|b| b.text.as_str()).collect::<Vec<_>>(),
            vec!["1. Notes it;", "64th plenary meeting"]
        );
        assert!(p.masthead.iter().any(|m| m.text == "Agenda item 1"));
        assert!(!p.masthead.iter().any(|m| m.text.contains("<<")));
    }
}
