//! An annex: its label and title; its paragraphs are read as the operative part's.

use super::builder::Builder;
use super::raw::{Item, Raw, RawAnnex};
use crate::read::lex::draft::title_end;
use crate::read::lex::heading::heading_num;
use crate::read::lex::label::operative_number;
use crate::read::prepared::Para;

impl Builder {
    pub(crate) fn start_annex(&mut self, label: &str, body: &[Para], i: &mut usize) {
        let mut annex = RawAnnex {
            label: label.trim().to_string(),
            ..RawAnnex::default()
        };
        if let Some(next) = body.get(*i) {
            let nt = next.text.trim();
            if operative_number(nt).is_none()
                && heading_num(nt).is_none()
                && !nt.is_empty()
                && !nt.ends_with([',', ';'])
            {
                // A title never holds the first paragraph a text ran on into it.
                let (title, rest) = match title_end(nt, false) {
                    Some(k) => (nt.get(..k).unwrap_or(nt), nt.get(k + 1..)),
                    None => (nt, None),
                };
                annex.title = Some(title.to_string());
                if let Some((num, text)) = rest.and_then(operative_number) {
                    annex.items.push(Item::Para(Raw {
                        line: next.line,
                        num: Some(num),
                        content: vec![text.to_string()],
                        ..Raw::default()
                    }));
                }
                *i += 1;
            }
        }
        self.annexes.push(annex);
    }
}
