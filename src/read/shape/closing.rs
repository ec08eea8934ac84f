//! The closing lines: the meeting and its date, the vote, footnotes left after them,
//! and an annex that follows.

use super::builder::{clip, split_note, Builder, Cursor};
use super::raw::Zone;
use crate::diag::{Diagnostic, Kind};
use crate::lang;
use crate::read::lex::heading::{annex_label, starts_lower};
use crate::read::prepared::{Note, Para};

impl Builder {
    /// A paragraph after the meeting line. Returns whether it was taken.
    pub(crate) fn closing(
        &mut self,
        cur: &mut Cursor,
        p: &Para,
        text: &str,
        body: &[Para],
        diags: &mut Vec<Diagnostic>,
    ) -> bool {
        // "[Adopted without a vote.]", "[Adopted by a recorded vote of 31 to 15.]".
        if self.vote.is_none()
            && text.starts_with('[')
            && text.ends_with(']')
            && text.contains(lang::en::ADOPTED_STEM)
        {
            self.vote = Some(text.to_string());
            return true;
        }
        if annex_label(text) {
            self.start_annex(text, body, &mut cur.i);
            cur.zone = Zone::Annex;
            cur.in_article = false;
            return true;
        }
        if let Some((n, rest)) = split_note(text) {
            if !rest.is_empty() && n >= 1 {
                self.notes.push(Note {
                    marker: n.to_string(),
                    text: rest.to_string(),
                    line: p.line,
                });
                cur.next_note = n + 1;
                return true;
            }
        }
        if starts_lower(text) {
            if let Some(n) = self.notes.last_mut() {
                n.text.push(' ');
                n.text.push_str(text);
                return true;
            }
        }
        diags.push(Diagnostic::warn(
            Kind::IgnoredText,
            p.line,
            format!("text after the closing lines ignored: {}", clip(text)),
        ));
        false
    }
}
