//! The preface: the adoption line, the origin line, the number and title, up to the
//! enacting formula (or a declaration's first recital).

use super::builder::{clip, Builder, Cursor};
use super::masthead::{read_adoption_line, read_masthead, read_origin};
use super::raw::{Item, Raw, Zone};
use crate::diag::{Diagnostic, Kind};
use crate::lang;
use crate::model::{DocKind, Meta, Organ};
use crate::read::lex::council::{
    adoption_after_heading, council_adoption, council_heading, heading_date_words,
};
use crate::read::lex::date::parse_date;
use crate::read::lex::draft::{decision_adopted, decision_text, submission, title_end};
use crate::read::lex::heading::starts_lower;
use crate::read::lex::heading::{looks_like_heading, preamble_heading};
use crate::read::lex::label::{ends_numbered_title, is_han, number_title, operative_number};
use crate::read::lex::masthead::find_symbol;
use crate::read::lex::masthead::{adoption_has_date, is_adoption_line};
use crate::read::lex::opener::{opener, preamble_opener};
use crate::read::lex::organ::formula_organ;
use crate::read::prepared::Para;

impl Builder {
    /// A paragraph before the formula. Returns whether it was taken.
    pub(crate) fn preface(
        &mut self,
        cur: &mut Cursor,
        p: &Para,
        text: &str,
        body: &[Para],
        meta: &mut Meta,
        diags: &mut Vec<Diagnostic>,
    ) -> bool {
        // A draft's submission line stands before its title.
        if self.submission.is_none() && self.formula.is_none() && self.doc_title.is_none() {
            if let Some(s) = submission(text) {
                self.submission = Some((text.to_string(), s));
                return true;
            }
        }
        // A decision's text opens with the organ and runs on ("The General Assembly,
        // recalling …, decides …"): it is the decision's one paragraph.
        if decision_text(text) {
            self.decision = true;
            self.running_text = true;
            cur.zone = Zone::Body;
            self.body.push(Item::Para(Raw::text(p.line, text)));
            return true;
        }
        // The title follows the submission line.
        if self.submission.is_some()
            && self.doc_title.is_none()
            && formula_organ(text).is_none()
            && operative_number(text).is_none()
        {
            // A title never holds the first paragraph a text ran on into it.
            let amendment = self
                .submission
                .as_ref()
                .is_some_and(|(_, s)| s.kind == DocKind::Amendment);
            let (title, rest) = match title_end(text, amendment) {
                Some(i) => (text.get(..i).unwrap_or(text), text.get(i + 1..)),
                None => (text, None),
            };
            self.doc_title = Some(title.to_string());
            if let Some(rest) = rest {
                cur.zone = Zone::Body;
                return self.operative(cur, p, rest, body, diags);
            }
            return true;
        }
        // A title over two paragraphs: the second goes on in lower case.
        if self.submission.is_some() && self.formula.is_none() && self.body.is_empty() {
            if let Some(title) = self.doc_title.as_mut().filter(|_| starts_lower(text)) {
                title.push(' ');
                title.push_str(text);
                return true;
            }
        }
        // An amendment has no formula: its instructions follow the title.
        let amendment = self
            .submission
            .as_ref()
            .is_some_and(|(_, s)| s.kind == DocKind::Amendment);
        if amendment && self.doc_title.is_some() {
            cur.zone = Zone::Body;
            return self.operative(cur, p, text, body, diags);
        }
        if decision_adopted(text) {
            self.decision = true;
            read_adoption_line(text, meta);
            return true;
        }
        if let Some(organ) = formula_organ(text) {
            meta.organ = organ;
            self.formula = Some(text.to_string());
            cur.zone = Zone::Preamble;
            return true;
        }
        if self.council_line(cur, text, body, meta, diags) {
            return true;
        }
        if is_adoption_line(text) {
            let mut line = text.to_string();
            // The date may be on the next line.
            if !adoption_has_date(&line) {
                if let Some(next) = body.get(cur.i) {
                    if next.text.trim().starts_with(lang::en::DATE_INTRODUCER)
                        || parse_date(next.text.trim()).is_some()
                    {
                        line.push(' ');
                        line.push_str(next.text.trim());
                        cur.i += 1;
                    }
                }
            }
            read_adoption_line(&line, meta);
            return true;
        }
        if text.starts_with('[') {
            let mut line = text.to_string();
            while !line.contains(']') && cur.i < body.len() {
                line.push(' ');
                line.push_str(body[cur.i].text.trim());
                cur.i += 1;
            }
            read_origin(&line, meta);
            return true;
        }
        if let Some((num, title)) = number_title(text) {
            self.number = Some(num);
            // Long enough not to be a line of text by chance (a Chinese title
            // has no spaces to count).
            if title.split_whitespace().count() >= 3
                || title.chars().filter(|&c| is_han(c)).count() >= 6
            {
                self.title_line = Some(title.clone());
            }
            let mut title = title;
            // The title may run over the following lines, up to the formula.
            while let Some(next) = body.get(cur.i) {
                let nt = next.text.trim();
                if ends_numbered_title(&title, nt) {
                    break;
                }
                if !title.is_empty() {
                    title.push(' ');
                }
                title.push_str(nt);
                cur.i += 1;
            }
            self.title = Some(title);
            return true;
        }
        // A numbered resolution whose formula was not printed: after its title, a
        // preambular paragraph opens the preamble (A/RES/78/225 goes from its title
        // straight to "Reaffirming …"). The operative part follows as usual.
        if self.title.is_some() && self.formula.is_none() && opener(text) {
            cur.zone = Zone::Preamble;
            self.preamble.push(Item::Para(Raw::text(p.line, text)));
            return true;
        }
        if preamble_opener(text) {
            self.formula_after = true;
            cur.zone = Zone::Preamble;
            self.preamble.push(Item::Para(Raw::text(p.line, text)));
            return true;
        }
        // "Preamble" over a declaration's recitals: a section of the preamble, so that
        // every writer sets it as printed.
        if preamble_heading(text) {
            self.preamble.push(Item::Heading {
                num: None,
                text: text.to_string(),
                level: 1,
            });
            return true;
        }
        // The title under a decision's adoption line, or of a text without one.
        if self.doc_title.is_none()
            && self.number.is_none()
            && (meta.adoption_line.is_none() || self.decision)
            && looks_like_heading(text)
        {
            self.doc_title = Some(text.to_string());
            return true;
        }
        if !self.zone_started {
            diags.push(Diagnostic::warn(
                Kind::IgnoredText,
                p.line,
                format!("text before the formula ignored: {}", clip(text)),
            ));
        }
        false
    }
}

impl Builder {
    /// The lines a Security Council resolution prints before its text: the masthead of
    /// its official print, the heading with its number and year, the Council's adoption
    /// line, the bracketed document symbol; after the heading, the text itself (a
    /// preamble with or without the formula, or numbered paragraphs). Returns whether the
    /// paragraph was taken.
    fn council_line(
        &mut self,
        cur: &mut Cursor,
        text: &str,
        body: &[Para],
        meta: &mut Meta,
        diags: &mut Vec<Diagnostic>,
    ) -> bool {
        // "United Nations S/RES/1445 (2002)", "Security Council Distr.: General 4 December
        // 2002", "Nations Unies S/RES/1454 (2002)", "Conseil de sécurité" on a line of its own.
        let masthead = lang::COUNCIL_WORDS.iter().any(|w| {
            text.starts_with(w.united_nations) && find_symbol(text).is_some() || text == w.organ
        }) || text.contains(lang::en::DISTR);
        if masthead
            && self.number.is_none()
            && lang::COUNCIL_WORDS
                .iter()
                .any(|w| text.starts_with(w.organ))
        {
            meta.organ = Organ::SecurityCouncil;
        }
        if masthead && self.number.is_none() {
            read_masthead(
                &[Para {
                    line: 0,
                    text: text.to_string(),
                }],
                meta,
                diags,
            );
            return true;
        }
        if self.number.is_none() {
            // "Резолюция 1454 (2002) принятая Советом Безопасности …": the adoption line,
            // opening in lowercase, was joined to the heading.
            if let Some(k) = adoption_after_heading(text) {
                let (head, line) = text.split_at(k);
                self.council_line(cur, head.trim(), body, meta, diags);
                return self.council_line(cur, line, body, meta, diags);
            }
            // The bracket line may be joined to the heading: "73 (1949). Resolution of 11
            // August 1949 [S/1376, II]".
            let (head, bracket) = match text.find(" [") {
                Some(k) if council_heading(&text[..k]).is_some() => {
                    (&text[..k], Some(&text[k + 1..]))
                }
                _ => (text, None),
            };
            if let Some(h) = council_heading(head) {
                meta.organ = Organ::SecurityCouncil;
                let symbol = h.symbol();
                if meta.symbol.as_deref().is_none_or(|s| symbol.starts_with(s)) {
                    meta.symbol = Some(symbol);
                }
                let mut date = h.date;
                // "Resolution 253 (1968)" / "of 29 May 1968" on a line of its own.
                if date.is_none() {
                    date = body
                        .get(cur.i)
                        .and_then(|n| heading_date_words(n.text.trim()));
                    if date.is_some() {
                        cur.i += 1;
                    }
                }
                if let Some(d) = date {
                    meta.adopted.get_or_insert(d);
                }
                self.number = Some(h.number);
                if let Some(b) = bracket {
                    self.council_origin(b, meta);
                }
                return true;
            }
        }
        if let Some((meeting, date)) = council_adoption(text) {
            meta.organ = Organ::SecurityCouncil;
            meta.adoption_line = Some(text.split_whitespace().collect::<Vec<_>>().join(" "));
            if let Some(d) = &date {
                meta.adopted = Some(d.clone());
            }
            self.meeting = Some(meeting);
            self.meeting_date = date.or_else(|| meta.adopted.clone());
            return true;
        }
        if meta.organ != Organ::SecurityCouncil || self.number.is_none() {
            return false;
        }
        // "[S/1376, II]", "[S/1070}": the document the resolution was adopted as, kept as printed.
        if text.starts_with('[') && text.ends_with([']', '}']) {
            self.council_origin(text, meta);
            return true;
        }
        if formula_organ(text).is_some() {
            return false;
        }
        // The text begins: numbered paragraphs, or a preamble printed without the formula.
        cur.zone = if operative_number(text).is_some() {
            Zone::Body
        } else {
            Zone::Preamble
        };
        cur.i -= 1;
        true
    }
}

impl Builder {
    /// "[S/1376, II]", "[S/1070}": the document the Council adopted, kept as printed.
    fn council_origin(&mut self, text: &str, meta: &mut Meta) {
        read_origin(text, meta);
    }
}
