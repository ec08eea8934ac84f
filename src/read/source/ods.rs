//! The plain-text export of the ODS Word file.
//!
//! Paragraphs are lines (tab-indented, `1.<TAB>` numbering); `[DU1]` comment
//! marks and `<<ODS …>>` fields are Word artefacts; the masthead block
//! (symbol, Distr., date of issue, session, agenda item, job number, barcode)
//! comes after the body.

use crate::read::prepared::{Para, Prepared};

/// Splits an ODS export into body paragraphs, masthead lines and ODS fields.
pub fn prepare(text: &str) -> Prepared {
    let mut prep = Prepared::default();
    let mut in_masthead = false;
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let mut line = raw.replace("[DU1]", "");
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
    prep
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
