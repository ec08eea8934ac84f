//! `meta`, `coverPage` and `preface`: the FRBR identification, the references, the
//! proprietary job numbers, the masthead and the preface lines, into [`Meta`].

use super::tree::Element;
use super::Reader;
use crate::model::{
    AgendaItem, Date, DateText, DocKind, Draft, Meta, Organ, Origin, Session, Text,
};

const ORGANS: [Organ; 4] = [
    Organ::GeneralAssembly,
    Organ::SecurityCouncil,
    Organ::HumanRightsCouncil,
    Organ::EconomicAndSocialCouncil,
];

/// The eId the writer gives an organ's TLCOrganization (`generalAssembly`).
fn organ_of(id: &str) -> Option<Organ> {
    ORGANS.into_iter().find(|o| {
        let name = o.name();
        let mut camel = String::new();
        for (i, w) in name.split(' ').enumerate() {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                if i == 0 {
                    camel.extend(f.to_lowercase());
                } else {
                    camel.extend(f.to_uppercase());
                }
                camel.push_str(c.as_str());
            }
        }
        camel == id
    })
}

/// ISO 639-2 back to the ISO 639-1 codes the text readers give (`eng` → `en`); `und` is
/// no language; other codes pass through, as the writer passes them.
fn lang2(code: &str) -> String {
    match code {
        "eng" => "en",
        "fra" => "fr",
        "spa" => "es",
        "rus" => "ru",
        "ara" => "ar",
        "zho" => "zh",
        "deu" => "de",
        "und" => "",
        other => other,
    }
    .to_string()
}

/// What `meta` says that the rest of the document needs.
#[derive(Default)]
pub struct Facts {
    /// The Work's `FRBRname`, the title when the preface has none.
    pub name: Option<String>,
    /// TLCEvent eId → href (the meeting's number is in it).
    pub events: Vec<(String, String)>,
    /// Written by unres (the `converter` organization is unres).
    pub ours: bool,
}

impl Reader {
    /// A date attribute, or a warning.
    pub(super) fn date_attr(&mut self, e: &Element, attr: &str) -> Option<Date> {
        let v = e.attr(attr)?;
        let d = Date::parse_iso(v.get(..10).unwrap_or(v));
        if d.is_none() {
            self.warn(
                e,
                format!(
                    "<{}> {attr}=\"{v}\" is not a date: the text is kept without it",
                    e.name
                ),
            );
        }
        d
    }

    /// `meta`: identification, publication, references, proprietary.
    pub(super) fn meta(&mut self, el: &Element, m: &mut Meta) -> Facts {
        let mut facts = Facts::default();
        self.attrs(el, &[], false);
        if let Some(refs) = el.child("references") {
            facts.ours = refs.elements().any(|t| {
                t.attr("eId") == Some("converter")
                    && t.attr("href") == Some("/akn/ontology/organization/unres")
            });
        }
        for part in el.elements() {
            match part.name {
                "identification" => self.identification(&part, m, &mut facts),
                // Written from the date of issue and the symbol.
                "publication" => self.attrs(&part, &["date", "name", "showAs", "number"], false),
                "references" => {
                    self.attrs(&part, &["source"], false);
                    for t in part.elements() {
                        self.attrs(&t, &["href", "showAs"], false);
                        if t.name == "TLCEvent" {
                            if let (Some(id), Some(href)) = (t.attr("eId"), t.attr("href")) {
                                facts.events.push((id.to_string(), href.to_string()));
                            }
                        } else if !t.name.starts_with("TLC") {
                            self.not_read(&t, "references");
                        }
                    }
                }
                "proprietary" => self.proprietary(&part, m),
                _ => self.not_read(&part, "meta"),
            }
        }
        facts
    }

    fn identification(&mut self, el: &Element, m: &mut Meta, facts: &mut Facts) {
        self.attrs(el, &["source"], false);
        for level in el.elements() {
            for f in level.elements() {
                let value = f.attr("value");
                match (level.name, f.name) {
                    ("FRBRWork", "FRBRalias") if f.attr("name") == Some("symbol") => {
                        m.symbol = value.map(String::from);
                    }
                    ("FRBRWork", "FRBRnumber") => {
                        if let Some(n) = f.attr("showAs") {
                            m.number = Some(n.to_string());
                        }
                    }
                    ("FRBRWork", "FRBRname") => facts.name = value.map(String::from),
                    ("FRBRWork", "FRBRalias") if f.attr("name") == Some("title") => {
                        if facts.name.is_none() {
                            facts.name = value.map(String::from);
                        }
                    }
                    ("FRBRWork", "FRBRauthor") => {
                        let href = f.attr("href").unwrap_or_default();
                        match organ_of(href.trim_start_matches('#')) {
                            Some(o) => m.organ = o,
                            None => self.warn(
                                &f,
                                format!("the author \"{href}\" is not a UN organ the model knows: read as the {}", m.organ.name()),
                            ),
                        }
                    }
                    ("FRBRExpression", "FRBRlanguage") => {
                        m.language = lang2(f.attr("language").unwrap_or_default());
                    }
                    // Names and dates the writer derives from the model again.
                    (
                        "FRBRWork" | "FRBRExpression" | "FRBRManifestation",
                        "FRBRthis" | "FRBRuri" | "FRBRdate" | "FRBRauthor" | "FRBRcountry"
                        | "FRBRsubtype" | "FRBRformat" | "FRBRalias" | "FRBRname" | "FRBRnumber"
                        | "FRBRversionNumber" | "FRBRprescriptive" | "FRBRauthoritative",
                    ) => {}
                    _ => self.not_read(&f, level.name),
                }
            }
        }
        if !facts.ours {
            let work = el
                .child("FRBRWork")
                .and_then(|w| w.child("FRBRthis"))
                .and_then(|t| t.attr("value"))
                .unwrap_or_default();
            self.warn(
                el,
                format!("the FRBR identification of another tool ({work}) is not kept: the IRIs are made again from the organ, the date and the number"),
            );
        }
    }

    fn proprietary(&mut self, el: &Element, m: &mut Meta) {
        self.attrs(el, &["source"], false);
        for p in el.elements() {
            let slot = match p.name {
                "jobNumber" => &mut m.job_number,
                "odsJobCode" => &mut m.ods_job,
                "barcode" => &mut m.barcode,
                _ => {
                    self.not_read(&p, "proprietary");
                    continue;
                }
            };
            *slot = Some(p.text());
        }
    }

    /// `coverPage`: the masthead lines, one marked element in each `p`.
    pub(super) fn cover_page(&mut self, el: &Element, m: &mut Meta) {
        for c in el.elements() {
            if c.name != "container" {
                self.not_read(&c, "coverPage");
                continue;
            }
            self.attrs(&c, &["name"], false);
            for p in c.elements() {
                let marked: Vec<Element> = p.elements().collect();
                match (p.name, marked.as_slice()) {
                    ("p", [x]) if !p.has_loose_text() => self.masthead_line(x, m),
                    _ => self.not_read(&p, "coverPage"),
                }
            }
        }
    }

    fn masthead_line(&mut self, x: &Element, m: &mut Meta) {
        let text = x.text();
        let refers = x.attr("refersTo").unwrap_or_default();
        match (x.name, refers, x.attr("name")) {
            // "United Nations": written with the symbol.
            ("docAuthority", "#un", _) => self.attrs(x, &["refersTo"], false),
            ("docAuthority", _, _) => {
                self.attrs(x, &["refersTo"], false);
                if let Some(o) = organ_of(refers.trim_start_matches('#')) {
                    m.organ = o;
                }
            }
            ("docNumber", _, _) => {
                self.attrs(x, &["refersTo"], false);
                m.symbol = Some(text);
            }
            ("inline", _, Some("distribution")) => {
                self.attrs(x, &["refersTo", "name"], false);
                m.distribution = Some(text.strip_prefix("Distr.: ").unwrap_or(&text).to_string());
            }
            ("docDate", _, _) => {
                self.attrs(x, &["refersTo", "date"], false);
                if let Some(date) = self.date_attr(x, "date") {
                    m.issued = Some(DateText { date, text });
                }
            }
            ("session", _, _) => {
                self.attrs(x, &["refersTo", "value"], false);
                match x.attr("value").and_then(|v| v.parse().ok()) {
                    Some(number) => {
                        m.session = Some(Session {
                            number,
                            printed: text,
                        })
                    }
                    None => self.warn(x, "<session> without a number in value: not kept"),
                }
            }
            ("inline", _, Some("committee")) => {
                self.attrs(x, &["refersTo", "name"], false);
                self.committee = Some((x.pos, text));
            }
            ("inline", _, Some("agendaItem")) => {
                self.attrs(x, &["refersTo", "name"], false);
                let item = text.strip_prefix("Agenda item ").unwrap_or(&text);
                m.agenda_items.push(AgendaItem {
                    item: item.to_string(),
                    title: None,
                });
            }
            ("inline", _, Some("agendaItemTitle")) => {
                self.attrs(x, &["refersTo", "name"], false);
                match m.agenda_items.last_mut() {
                    Some(a) if a.title.is_none() => a.title = Some(text),
                    _ => self.warn(x, "an agenda item's title without its item: not kept"),
                }
            }
            _ => self.not_read(x, "coverPage"),
        }
    }

    /// `preface`: the adoption line, the origin line, the number and title.
    pub(super) fn preface(&mut self, el: &Element, m: &mut Meta, ours: bool) {
        for p in el.elements() {
            if p.name != "p" {
                self.not_read(&p, "preface");
                continue;
            }
            let title = p.child("docTitle");
            let is_adoption = title.is_some_and(|t| {
                t.attr("refersTo").is_none()
                    && (ours
                        || t.elements()
                            .any(|e| matches!(e.name, "docType" | "docAuthority" | "docDate")))
            });
            if is_adoption {
                if let Some(t) = title {
                    self.adoption_line(&t, m);
                }
                for other in p.elements().filter(|e| e.name != "docTitle") {
                    self.not_read(&other, "preface");
                }
            } else if let Some(s) = p
                .child("inline")
                .filter(|s| s.attr("name") == Some("submission"))
            {
                self.submission(&p, &s, m);
            } else if title.is_some() || p.child("docNumber").is_some() {
                self.number_and_title(&p, m);
            } else if !p.text().trim_start().starts_with('[') {
                // The origin line is bracketed; other words in a preface have no place.
                self.not_read(&p, "preface");
            } else {
                let mut text = self.inlines(&p);
                trim_text(&mut text);
                // The committee and the symbols as the text readers find them in the same line.
                let mut scratch = Meta::default();
                crate::read::shape::masthead::read_origin(&text.to_plain(), &mut scratch);
                let (committee, symbols) = scratch
                    .origin
                    .map(|o| (o.committee, o.symbols))
                    .unwrap_or_default();
                if m.origin.is_some() {
                    self.warn(&p, "a second origin line in the preface: the first is kept");
                } else {
                    m.origin = Some(Origin {
                        text,
                        committee,
                        symbols,
                    });
                }
            }
        }
    }

    fn adoption_line(&mut self, t: &Element, m: &mut Meta) {
        self.attrs(t, &[], false);
        for x in t.elements() {
            match x.name {
                "docType" => self.attrs(&x, &[], false),
                "docAuthority" => {
                    self.attrs(&x, &["refersTo"], false);
                    if let Some(o) = organ_of(
                        x.attr("refersTo")
                            .unwrap_or_default()
                            .trim_start_matches('#'),
                    ) {
                        m.organ = o;
                    }
                }
                "docDate" => {
                    self.attrs(&x, &["refersTo", "date"], false);
                    if let Some(date) = self.date_attr(&x, "date") {
                        m.adopted = Some(DateText {
                            date,
                            text: x.text(),
                        });
                    }
                }
                _ => self.not_read(&x, "docTitle"),
            }
        }
        m.adoption_line = Some(t.text());
    }

    /// A draft's submission line, `<inline name="submission">`, each sponsor a
    /// `docProponent` in printed order.
    fn submission(&mut self, p: &Element, s: &Element, m: &mut Meta) {
        for other in p.elements().filter(|e| !e.is(s)) {
            self.not_read(&other, "preface");
        }
        self.attrs(s, &["name", "refersTo"], false);
        let mut sponsors = Vec::new();
        for x in s.elements() {
            if x.name == "docProponent" {
                self.attrs(&x, &["refersTo", "as"], false);
                sponsors.push(x.text());
            } else {
                self.not_read(&x, "inline");
            }
        }
        let submitted = s.text().split_whitespace().collect::<Vec<_>>().join(" ");
        // A line written plain names its sponsors as the text readers find them.
        if sponsors.is_empty() {
            sponsors = crate::read::lex::draft::submission(&submitted)
                .map(|s| s.sponsors)
                .unwrap_or_default();
        }
        if m.draft.is_some() {
            self.warn(
                s,
                "a second submission line in the preface: the first is kept",
            );
            return;
        }
        m.draft = Some(Draft {
            submitted,
            sponsors,
            ..Draft::default()
        });
    }

    /// The draft's parts that stand outside its submission line: the committee of the
    /// masthead, and the revision and the amended draft its symbol and line name.
    pub(super) fn finish_draft(&mut self, m: &mut Meta) {
        use crate::read::lex::draft::{revision, submission};
        let committee = self.committee.take();
        let Some(d) = m.draft.as_mut() else {
            if let Some((at, c)) = committee {
                self.pending.push((
                    at,
                    format!("the committee \"{c}\" without a draft's submission line is not kept"),
                ));
            }
            return;
        };
        d.committee = committee.map(|(_, c)| c);
        d.revision = m.symbol.as_deref().and_then(revision);
        d.amends = submission(&d.submitted).and_then(|s| s.amends);
    }

    /// `<p><docNumber>65/122.</docNumber> <docTitle>…</docTitle></p>`.
    fn number_and_title(&mut self, p: &Element, m: &mut Meta) {
        for x in p.elements() {
            match x.name {
                "docNumber" => {
                    self.attrs(&x, &[], false);
                    let n = x.text();
                    let n = n.trim();
                    // The Work's FRBRnumber says it as well, without the full stop.
                    if m.number.is_none() {
                        m.number = Some(n.strip_suffix('.').unwrap_or(n).to_string());
                    }
                }
                "docTitle" => {
                    self.attrs(&x, &["refersTo"], false);
                    if x.attr("refersTo") == Some("#declarationTitle") {
                        m.kind = DocKind::Declaration;
                    }
                    m.title = Some(x.text());
                }
                _ => self.not_read(&x, "preface"),
            }
        }
    }
}

/// Drops the indentation a foreign file may put around a line's text.
pub(super) fn trim_text(t: &mut Text) {
    use crate::model::Inline;
    if let Some(Inline::Text { text }) = t.0.first_mut() {
        let trimmed = text.trim_start();
        if trimmed.len() != text.len() {
            *text = trimmed.to_string();
        }
    }
    if let Some(Inline::Text { text }) = t.0.last_mut() {
        let trimmed = text.trim_end();
        if trimmed.len() != text.len() {
            *text = trimmed.to_string();
        }
    }
    t.0.retain(|i| !matches!(i, Inline::Text { text } if text.is_empty()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organs_by_their_ids() {
        assert_eq!(organ_of("generalAssembly"), Some(Organ::GeneralAssembly));
        assert_eq!(
            organ_of("economicAndSocialCouncil"),
            Some(Organ::EconomicAndSocialCouncil)
        );
        assert_eq!(organ_of("council"), None);
        assert_eq!(lang2("eng"), "en");
        assert_eq!(lang2("und"), "");
        assert_eq!(lang2("por"), "por");
    }
}
