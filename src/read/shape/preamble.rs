//! The preamble: recitals, their headings and lists, and a formula that follows them
//! (declarations).

use super::builder::{Builder, Cursor};
use super::paragraph::{append_continuation, last_text_of, push_sub, sub_label_full};
use super::raw::{Item, Raw, Zone};
use crate::lang;
use crate::lang::is_one_of;
use crate::model::{Meta, Organ};
use crate::read::lex::council::vote_line;
use crate::read::lex::heading::{
    annex_label, article_heading, heading_num, heading_over_number, looks_like_heading,
    starts_lower, text_ended,
};
use crate::read::lex::label::operative_number;
use crate::read::lex::opener::{is_unnumbered_operative, opener};
use crate::read::lex::organ::formula_organ;
use crate::read::lex::text::{lowercase, words};
use crate::read::prepared::Para;

impl Builder {
    /// A paragraph of the preamble. Returns whether it was taken.
    pub(crate) fn preamble(
        &mut self,
        cur: &mut Cursor,
        p: &Para,
        text: &str,
        body: &[Para],
        meta: &mut Meta,
    ) -> bool {
        // A formula after the preamble (declarations): "Now, therefore, The General
        // Assembly"; on its own line, or run together with its lead and proclamation.
        let found = match formula_organ(text) {
            // "the General Assembly," in lower case after a formula: a wrapped line of
            // the recital before ("… adopted on 11 January 1952 by" / "the General Assembly,").
            Some(_) if self.formula.is_some() && starts_lower(text) => None,
            Some(organ) => Some((organ, None, text, None)),
            // Only a preamble that opened without a formula has one to come.
            None if self.formula.is_none() => {
                inline_formula(text).map(|f| (f.organ, f.lead, f.formula, Some(f.proclamation)))
            }
            None => None,
        };
        if let Some((organ, lead, formula, proclamation)) = found {
            meta.organ = organ;
            self.formula = Some(formula.to_string());
            self.formula_after = true;
            if let Some(lead) = lead {
                self.formula_lead = Some(lead.to_string());
            } else if let Some(Item::Para(last)) = self.preamble.last() {
                // "Now, therefore," before it is the formula's lead; a Chinese
                // paragraph is one "word", so its length counts too.
                let t = last.content.join(" ");
                if t.split_whitespace().count() <= 4
                    && t.chars().nth(30).is_none()
                    && t.ends_with([',', '，', '،'])
                    && last.subs.is_empty()
                {
                    self.formula_lead = Some(t);
                    self.preamble.pop();
                }
            }
            if let Some(p) = proclamation {
                self.proclamation = Some(p.to_string());
            } else if let Some(next) = body.get(cur.i) {
                // A proclamation that continues the formula.
                let nt = next.text.trim();
                if !article_heading(nt) && operative_number(nt).is_none() && starts_proclamation(nt)
                {
                    self.proclamation = Some(nt.to_string());
                    cur.i += 1;
                }
            }
            // A proclamation cut before its end goes on in the next lines
            // ("تنادي بهذا الإعلان العالمي لحقوق الإنسان" / "على أنه المستوى …").
            if let Some(p) = self.proclamation.as_mut() {
                while !text_ended(p) {
                    let Some(nt) = body.get(cur.i).map(|n| n.text.trim()) else {
                        break;
                    };
                    if nt.is_empty()
                        || article_heading(nt)
                        || operative_number(nt).is_some()
                        || annex_label(nt)
                    {
                        break;
                    }
                    p.push(' ');
                    p.push_str(nt);
                    cur.i += 1;
                }
            }
            cur.zone = Zone::Body;
            return true;
        }
        // "A", "B": the parts of a Security Council resolution; the first opens the
        // operative part when a numbered paragraph follows it.
        let part = text.len() == 1 && text.chars().all(|c| c.is_ascii_uppercase());
        let opens_part = part
            && body
                .get(cur.i)
                .is_some_and(|n| operative_number(n.text.trim()).is_some());
        if operative_number(text).is_some() || article_heading(text) || opens_part {
            cur.zone = Zone::Body;
            cur.i -= 1;
            return true;
        }
        // A section heading ("I", "II. Title"): it opens the operative part when
        // numbered paragraphs follow it, else it heads preambular paragraphs.
        if let Some((num, htext, level)) = heading_num(text) {
            let ahead: Vec<&str> = body[cur.i..]
                .iter()
                .take(2)
                .map(|p| p.text.trim())
                .collect();
            let title_next =
                htext.is_empty() && ahead.first().is_some_and(|t| looks_like_heading(t));
            let after = if title_next {
                ahead.get(1)
            } else {
                ahead.first()
            };
            if after.is_some_and(|t| operative_number(t).is_some()) {
                cur.zone = Zone::Body;
                cur.i -= 1;
                return true;
            }
            let mut htext = htext;
            if title_next {
                htext = ahead.first().map(|t| t.to_string()).unwrap_or_default();
                cur.i += 1;
            }
            self.preamble.push(Item::Heading {
                num: Some(num),
                text: htext,
                level,
            });
            return true;
        }
        if let Some((num, rest)) = sub_label_full(text) {
            if let Some(Item::Para(last)) = self.preamble.last_mut() {
                push_sub(last, num, rest, p.line);
                return true;
            }
        }
        if let Some(Item::Para(last)) = self.preamble.last_mut().filter(|_| !self.separate) {
            // A recital may open in lower case ("принимая во внимание" in the
            // Russian Declaration): an opener is never a continuation.
            let opens = starts_lower(text) && opener(text);
            if !opens && (starts_lower(text) || !text_ended(&last_text_of(last))) {
                append_continuation(last, text);
                return true;
            }
            // Items of a list whose labels were lost ("… a major contribution to:"):
            // they run until a paragraph opens with a preambular phrase.
            let intro_colon = last.subs.is_empty()
                && last
                    .content
                    .last()
                    .is_some_and(|c| c.trim_end().ends_with(':'));
            let in_list = !last.subs.is_empty() && last.subs.iter().all(|s| s.num.is_none());
            if (intro_colon || in_list) && !opener(text) {
                last.subs.push(Raw::text(p.line, text));
                return true;
            }
        }
        // A heading over the first numbered paragraph ("Final report" over "1. Welcomes
        // …") opens the operative part, which it heads; a recital ends in punctuation. A
        // word alone ("Therefore") leads into the paragraphs and heads none.
        if heading_over_number(text)
            && text.split_whitespace().nth(1).is_some()
            && body
                .get(cur.i)
                .is_some_and(|n| operative_number(n.text.trim()).is_some())
        {
            cur.zone = Zone::Body;
            cur.i -= 1;
            return true;
        }
        // "Adopts the following declaration:" — an unnumbered operative paragraph; the
        // last paragraph before the Council's vote line is one whatever its end
        // ("Recommends … to membership in the United Nations").
        let before_vote = body
            .get(cur.i)
            .is_some_and(|n| vote_line(n.text.trim()).is_some());
        let operative = is_unnumbered_operative(text)
            || before_vote && is_unnumbered_operative(&format!("{}.", text.trim_end()));
        if operative && !self.formula_after {
            cur.zone = Zone::Body;
            cur.i -= 1;
            return true;
        }
        self.preamble.push(Item::Para(Raw::text(p.line, text)));
        false
    }
}

/// "Proclaims this …", "провозглашает …": a verb that continues the formula.
pub(crate) fn starts_proclamation(s: &str) -> bool {
    // Chinese has no spaces: the verb is the paragraph's first characters.
    if lang::zh::PROCLAIMS.iter().any(|w| s.starts_with(w)) {
        return true;
    }
    let first = words(s).next().unwrap_or("");
    is_one_of(&lowercase(first), lang::PROCLAMATION_VERBS)
}

/// A formula run together with its lead and proclamation in one paragraph.
pub(crate) struct InlineFormula<'a> {
    pub(crate) organ: Organ,
    pub(crate) lead: Option<&'a str>,
    pub(crate) formula: &'a str,
    pub(crate) proclamation: &'a str,
}

/// "因此现在,大会,发布这一世界人权宣言,…" (the Unicode UDHR's Chinese text): the lead, the
/// formula and the proclamation in one paragraph. The formula is one of its first
/// comma-separated pieces, and a proclamation verb follows it.
pub(crate) fn inline_formula(s: &str) -> Option<InlineFormula<'_>> {
    let mut start = 0;
    // The lead is a few words: the formula's comma is near the start.
    for (i, c) in s.char_indices().take_while(|&(i, _)| i < 60) {
        if !matches!(c, ',' | '，' | '،') {
            continue;
        }
        let end = i + c.len_utf8();
        let piece = s[start..end].trim();
        if let Some(organ) = formula_organ(piece) {
            let proclamation = s[end..].trim_start();
            let lead = s[..start].trim();
            return (starts_proclamation(proclamation) && lead.chars().nth(30).is_none())
                .then_some(InlineFormula {
                    organ,
                    lead: (!lead.is_empty()).then_some(lead),
                    formula: piece,
                    proclamation,
                });
        }
        start = end;
    }
    None
}
