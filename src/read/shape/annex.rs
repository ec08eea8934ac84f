//! An annex: its label and title; its paragraphs are read as the operative part's.

use super::builder::Builder;
use super::raw::RawAnnex;
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
                annex.title = Some(nt.to_string());
                *i += 1;
            }
        }
        self.annexes.push(annex);
    }
}
