//! The operative part (and the body of an annex): numbered paragraphs, articles and
//! headings, up to the closing lines or an annex.

use super::builder::{Builder, Cursor};
use super::paragraph::body_para;
use super::raw::Zone;
use crate::diag::Diagnostic;
use crate::model::DateText;
use crate::read::lex::date::parse_date;
use crate::read::lex::heading::annex_label;
use crate::read::lex::meeting::meeting_line;
use crate::read::prepared::Para;

impl Builder {
    /// A paragraph of the operative part or of an annex. Returns whether it was taken.
    pub(crate) fn operative(
        &mut self,
        cur: &mut Cursor,
        p: &Para,
        text: &str,
        body: &[Para],
        diags: &mut Vec<Diagnostic>,
    ) -> bool {
        // "1997年10月28日" over "第37次全体会议": the Chinese texts give the date first.
        if text.len() < 40 && text.starts_with(|c: char| c.is_ascii_digit()) {
            let next = body.get(cur.i).map(|n| n.text.trim());
            let closing = next
                .and_then(meeting_line)
                .filter(|m| m.1.is_none())
                .and_then(|(m, _)| parse_date(text).map(|d| (m, d)));
            if let Some((meeting, date)) = closing {
                self.meeting = Some(meeting);
                self.meeting_date = Some(DateText {
                    date,
                    text: text.to_string(),
                });
                cur.i += 1;
                cur.zone = Zone::Closing;
                return true;
            }
        }
        if let Some((meeting, date)) = meeting_line(text) {
            self.meeting = Some(meeting);
            self.meeting_date = date;
            if self.meeting_date.is_none() {
                if let Some(next) = body.get(cur.i) {
                    if let Some(d) = parse_date(next.text.trim()) {
                        self.meeting_date = Some(DateText {
                            date: d,
                            text: next.text.trim().to_string(),
                        });
                        cur.i += 1;
                    }
                }
            }
            cur.zone = Zone::Closing;
            return true;
        }
        if annex_label(text) {
            self.start_annex(text, body, &mut cur.i);
            cur.zone = Zone::Annex;
            cur.in_article = false;
            return true;
        }
        let items = if cur.zone == Zone::Annex {
            match self.annexes.last_mut() {
                Some(a) => &mut a.items,
                None => &mut self.body,
            }
        } else {
            &mut self.body
        };
        body_para(
            items,
            text,
            p.line,
            body.get(cur.i).map(|n| n.text.trim()),
            &mut cur.in_article,
            self.separate,
            diags,
        );
        false
    }
}
