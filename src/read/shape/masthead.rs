//! Masthead and preface lines: symbol, distribution, date of issue, session,
//! agenda items, the adoption line and the origin line.

use crate::diag::{Diagnostic, Kind};
use crate::lang;
use crate::lang::is_one_of;
use crate::model::{AgendaItem, Date, DateText, Draft, Meta, Origin, Session, Text};
use crate::read::lex::date::find_dates;
use crate::read::lex::draft::{committee_line, symbol as draft_symbol};
use crate::read::lex::masthead::{final_date, find_symbol, job_number, unglue, word_starts};
use crate::read::lex::number::{ordinal_phrase, ordinal_word};
use crate::read::lex::organ::formula_organ;
use crate::read::lex::reference::{recognise, symbol_token};
use crate::read::prepared::{FrontMatter, Para};

/// Fills metadata from the masthead lines.
pub fn read_masthead(lines: &[Para], meta: &mut Meta, diags: &mut Vec<Diagnostic>) {
    let mut agenda_title: Vec<String> = Vec::new();
    let mut in_agenda = false;
    for p in lines {
        let text = unglue(p.text.trim());
        let t = text.trim();
        if t.is_empty() {
            in_agenda = false;
            continue;
        }
        let mut consumed = false;
        if meta.symbol.is_none() {
            if let Some(sym) = find_symbol(t) {
                meta.symbol = Some(sym);
                consumed = t.split_whitespace().count() == 1;
            }
        }
        // "Distr.: General"; French and Spanish print "Distr. générale", "Distr. general".
        if let Some(i) = t.find(lang::en::DISTR) {
            let rest = t[i + 6..].trim_start_matches(':').trim();
            if let Some(w) = rest.split_whitespace().next() {
                meta.distribution = Some(w.to_string());
            }
            consumed = true;
        }
        if meta.issued.is_none() {
            if let Some(&(a, b, d)) = find_dates(t).first() {
                meta.issued = Some(DateText {
                    date: d,
                    text: t[a..b].to_string(),
                });
                consumed = consumed || b - a + 1 >= t.len();
            }
        }
        if meta.session.is_none() {
            if let Some(session) = session_elsewhere(t) {
                meta.session = Some(session);
                consumed = true;
            }
        }
        if let Some(i) = t.find(lang::en::SESSION).filter(|_| meta.session.is_none()) {
            let words: Vec<&str> = t[..i].split_whitespace().collect();
            if let Some(w) = words.last() {
                let (n, start) = match ordinal_word(w) {
                    Some(n) => (Some(n), words.len() - 1),
                    None if words.len() >= 2 => {
                        // "Tenth emergency special session": the ordinal comes first.
                        let k = words.len().saturating_sub(3);
                        match words[k..].iter().position(|w| ordinal_word(w).is_some()) {
                            Some(pos) => (ordinal_word(words[k + pos]), k + pos),
                            None => (None, 0),
                        }
                    }
                    None => (None, 0),
                };
                if let Some(n) = n {
                    let printed = format!("{}{}", words[start..].join(" "), lang::en::SESSION);
                    meta.session = Some(Session { number: n, printed });
                    consumed = true;
                }
            }
        }
        // A draft's committee: "Third Committee", or "Special Political and
        // Decolonization Committee" over "(Fourth Committee)".
        if !in_agenda && meta.agenda_items.is_empty() && committee_line(t) {
            let d = meta.draft.get_or_insert_with(Draft::default);
            match &mut d.committee {
                Some(c) => {
                    c.push(' ');
                    c.push_str(t);
                }
                None => d.committee = Some(t.to_string()),
            }
            continue;
        }
        if meta.symbol.is_none() {
            if let Some(sym) = draft_symbol(std::iter::once(t)) {
                meta.symbol = Some(sym);
            }
        }
        if let Some(i) = t.find(lang::en::AGENDA_ITEM) {
            let rest = t[i + lang::en::AGENDA_ITEM.len()..]
                .trim_start_matches('s')
                .trim();
            let (items, title) = split_agenda(rest);
            for item in items {
                meta.agenda_items.push(AgendaItem { item, title: None });
            }
            if !title.is_empty() {
                agenda_title.push(title);
            }
            in_agenda = true;
            continue;
        }
        // A note mark may follow the line ("Item 35 of the provisional agenda*").
        if let Some(items) = agenda_items_elsewhere(t.trim_end_matches('*')) {
            for item in items {
                meta.agenda_items.push(AgendaItem { item, title: None });
            }
            in_agenda = true;
            continue;
        }
        if let Some(job) = job_number(t) {
            meta.job_number.get_or_insert(job);
            in_agenda = false;
            continue;
        }
        if t.len() > 2
            && t.starts_with('*')
            && t.ends_with('*')
            && t[1..t.len() - 1].chars().all(|c| c.is_ascii_digit())
        {
            meta.barcode
                .get_or_insert_with(|| t[1..t.len() - 1].to_string());
            in_agenda = false;
            continue;
        }
        if in_agenda
            && !consumed
            && !is_one_of(t, lang::en::MASTHEAD_NAMES)
            && find_symbol(t).is_none()
        {
            agenda_title.push(t.to_string());
        }
    }
    if !agenda_title.is_empty() {
        let title = agenda_title.join(" ");
        match meta.agenda_items.as_mut_slice() {
            [one] => one.title = Some(title),
            [] => {}
            _ => diags.push(Diagnostic::warn(
                Kind::Masthead,
                0,
                "several agenda items with one agenda title: title not attached",
            )),
        }
    }
}

/// The session line in French, Spanish and Russian: "Soixante-cinquième session",
/// "Sexagésimo quinto período de sesiones", "Шестьдесят пятая сессия" (and the special
/// and emergency sessions that follow the same pattern).
pub(crate) fn session_elsewhere(t: &str) -> Option<Session> {
    // Printed as a line of its own; a sentence that mentions a session is not one. English
    // is read by the caller.
    if t.len() > 80 || t.is_ascii() {
        return None;
    }
    let (before, word) = lang::SESSION_WORDS
        .iter()
        .find_map(|w| t.find(w).map(|i| (t.get(..i), *w)))?;
    let before = before?;
    // The longest run of number words before the session word: the date of issue may
    // stand before it on the same line ("10 février 2011 Soixante-cinquième session").
    let (start, number) =
        word_starts(before).find_map(|i| Some((i, ordinal_phrase(before.get(i..)?)?)))?;
    let end = before.len() + word.len();
    Some(Session {
        number,
        printed: t.get(start..end)?.to_string(),
    })
}

/// "Point 122 f) de l’ordre du jour", "Temas 12 y 115 del programa", "Пункт 122 f повестки
/// дня", "البند 122 (و) من جدول الأعمال": the items as printed.
pub(crate) fn agenda_items_elsewhere(t: &str) -> Option<Vec<String>> {
    lang::AGENDA_LINES
        .iter()
        .find_map(|&(one, many, end, and)| {
            let rest = t.strip_prefix(many).or_else(|| t.strip_prefix(one))?;
            let items = rest.strip_prefix(' ')?.strip_suffix(end)?;
            if !items.starts_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
            Some(
                items
                    .split(and)
                    .flat_map(|p| p.split(", "))
                    .map(|i| i.trim().to_string())
                    .filter(|i| !i.is_empty())
                    .collect(),
            )
        })
}

/// "122 (f)" → (["122 (f)"], ""); "90 (b) Reduction of military budgets" → (["90 (b)"], "Reduction …");
/// "12 and 115" → (["12", "115"], "").
pub(crate) fn split_agenda(s: &str) -> (Vec<String>, String) {
    let mut items = Vec::new();
    let words: Vec<&str> = s.split_whitespace().collect();
    let mut i = 0;
    while i < words.len() {
        let w = words[i].trim_end_matches(',');
        if w.chars().next().is_some_and(|c| c.is_ascii_digit())
            && w.chars().all(|c| c.is_ascii_alphanumeric())
        {
            let mut item = w.to_string();
            let mut j = i + 1;
            while let Some(n) = words.get(j) {
                let nc = n.trim_end_matches(',');
                // "(f)", and "f)" as French and Spanish print it.
                let letter = nc.strip_suffix(')').is_some_and(|l| {
                    (1..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_lowercase())
                });
                if nc.starts_with('(') && nc.ends_with(')') && nc.len() <= 6 || letter {
                    item.push(' ');
                    item.push_str(nc);
                    j += 1;
                } else {
                    break;
                }
            }
            items.push(item);
            i = j;
            if words.get(i).is_some_and(|w| *w == lang::en::AND)
                && words
                    .get(i + 1)
                    .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
            {
                i += 1;
            }
            continue;
        }
        break;
    }
    (items, words[i.min(words.len())..].join(" "))
}

/// Reads an adoption line (see [`ADOPTION_OPENINGS`]): the date and the organ.
pub fn read_adoption_line(line: &str, meta: &mut Meta) {
    let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(&(a, b, d)) = find_dates(&line).last() {
        meta.adopted = Some(DateText {
            date: d,
            text: line[a..b].to_string(),
        });
    } else if let Some((a, d)) = final_date(&line) {
        meta.adopted = Some(DateText {
            date: d,
            text: line[a..].to_string(),
        });
    }
    if let Some(by) = line.split(lang::en::BY).nth(1) {
        let organ_text = by.split(lang::en::ON).next().unwrap_or(by);
        if let Some(o) = formula_organ(organ_text) {
            meta.organ = o;
        }
    } else if let Some(&(_, o)) = lang::ADOPTING_ORGANS.iter().find(|(n, _)| line.contains(n)) {
        meta.organ = o;
    }
    meta.adoption_line = Some(line);
}

/// The committee an origin line names, as printed: "Third Committee", "Troisième
/// Commission", "Tercera Comisión", "Третьего комитета", "اللجنة الثالثة". "Without
/// reference to a Main Committee" and its translations name none.
pub(crate) fn origin_committee(inner: &str) -> Option<String> {
    // English, French, Spanish, Russian: a capitalised ordinal before the word.
    for &word in lang::COMMITTEES {
        if let Some(i) = inner.find(word) {
            let before = inner.get(..i)?;
            let ordinal = before.split_whitespace().last()?;
            if ordinal.starts_with(char::is_uppercase) && !before.ends_with(lang::en::A_MAIN) {
                return Some(format!("{ordinal}{word}"));
            }
        }
    }
    // Arabic: the definite noun and its ordinal, "اللجنة الثالثة".
    let i = inner.find(lang::ar::COMMITTEE)?;
    let rest = inner.get(i..)?;
    let mut w = rest.split_whitespace();
    let (noun, ordinal) = (w.next()?, w.next()?);
    let ordinal = ordinal.trim_end_matches([')', '(', '،', ']']);
    ordinal
        .starts_with(lang::ar::DEFINITE_ARTICLE)
        .then(|| format!("{noun} {ordinal}"))
}

/// "[on the report of the Third Committee (A/65/456)]", in any official language.
/// A line of document symbols alone ("[S/1376, II]", "[S/4258 and Add.1]", the Security
/// Council's) keeps them as printed, OCR damage and all ("[S/1070}", "[8/5167]").
pub fn read_origin(line: &str, meta: &mut Meta) {
    let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
    let inner = line.trim_start_matches('[');
    let committee = origin_committee(inner);
    let bare = inner.trim_end_matches([']', '}']).trim();
    let opens_with_symbol = bare.split_whitespace().next().is_some_and(|w| {
        w.contains('/') && w.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit())
    });
    let symbols: Vec<String> = if opens_with_symbol {
        vec![bare.to_string()]
    } else {
        line.split_whitespace()
            .filter_map(symbol_token)
            .map(String::from)
            .collect()
    };
    let mut inl = Vec::new();
    recognise(&line, &mut inl);
    meta.origin = Some(Origin {
        text: Text(inl),
        committee,
        symbols,
    });
}

/// Front matter is a hint: it fills nothing the text shows, and disagreement is reported.
pub fn apply_front_matter(front: &FrontMatter, meta: &mut Meta, diags: &mut Vec<Diagnostic>) {
    if let Some(sym) = &front.symbol {
        match &meta.symbol {
            None => meta.symbol = Some(sym.clone()),
            Some(s) if s != sym => diags.push(Diagnostic::warn(
                Kind::FrontMatter,
                front.line,
                format!("front matter symbol {sym} differs from the printed {s}; the printed one is kept"),
            )),
            _ => {}
        }
    }
    if let Some(lang) = &front.language {
        let l = lang.trim().to_lowercase();
        if meta.language.is_empty() && l.len() == 2 && l.chars().all(|c| c.is_ascii_lowercase()) {
            meta.language = l;
        }
    }
    if let Some(date) = front.date.as_deref().and_then(Date::parse_iso) {
        let printed = [meta.issued.as_ref(), meta.adopted.as_ref()];
        if printed.iter().flatten().count() > 0 && !printed.iter().flatten().any(|d| d.date == date)
        {
            diags.push(Diagnostic::warn(
                Kind::FrontMatter,
                front.line,
                format!("front matter date {date} matches neither the printed date of issue nor the adoption date"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;
    use crate::read::lex::masthead::is_adoption_line;
    use crate::read::prepared::paras;

    #[test]
    fn masthead_lines_in_the_official_languages() {
        assert_eq!(
            agenda_items_elsewhere("Point 122 f) de l’ordre du jour"),
            Some(vec!["122 f)".to_string()])
        );
        assert_eq!(
            agenda_items_elsewhere("Temas 12 y 115 del programa"),
            Some(vec!["12".to_string(), "115".to_string()])
        );
        assert_eq!(
            agenda_items_elsewhere("Пункт 122 f повестки дня"),
            Some(vec!["122 f".to_string()])
        );
        assert_eq!(
            agenda_items_elsewhere("البند 122 (و) من جدول الأعمال"),
            Some(vec!["122 (و)".to_string()])
        );
        assert_eq!(
            agenda_items_elsewhere("Point de vue de l’ordre du jour"),
            None
        );
        for (line, n, printed) in [
            (
                "Soixante-cinquième session",
                65,
                "Soixante-cinquième session",
            ),
            (
                "Soixante et onzième session",
                71,
                "Soixante et onzième session",
            ),
            ("Quatre-vingtième session", 80, "Quatre-vingtième session"),
            (
                "Quatre-vingt-unième session",
                81,
                "Quatre-vingt-unième session",
            ),
            (
                "Dixième session extraordinaire d’urgence",
                10,
                "Dixième session",
            ),
            (
                "Sexagésimo quinto período de sesiones",
                65,
                "Sexagésimo quinto período de sesiones",
            ),
            (
                "Septuagésimo primer período de sesiones",
                71,
                "Septuagésimo primer período de sesiones",
            ),
            (
                "Octogésimo período de sesiones",
                80,
                "Octogésimo período de sesiones",
            ),
            ("Шестьдесят пятая сессия", 65, "Шестьдесят пятая сессия"),
            (
                "10 février 2011 Soixante-cinquième session",
                65,
                "Soixante-cinquième session",
            ),
            ("Восьмидесятая сессия", 80, "Восьмидесятая сессия"),
        ] {
            let s = session_elsewhere(line);
            assert_eq!(
                s.as_ref().map(|s| (s.number, s.printed.as_str())),
                Some((n, printed)),
                "{line}"
            );
        }
        assert!(session_elsewhere("Sixty-fifth session").is_none());
        assert!(session_elsewhere("La session extraordinaire").is_none());
        for (line, date, organ) in [
            (
                "Résolution adoptée par l’Assemblée générale le 13 décembre 2010",
                "2010-12-13",
                Organ::GeneralAssembly,
            ),
            (
                "Resolución aprobada por la Asamblea General el 13 de diciembre de 2010",
                "2010-12-13",
                Organ::GeneralAssembly,
            ),
            (
                "Резолюция, принятая Генеральной Ассамблеей 13 декабря 2010 года",
                "2010-12-13",
                Organ::GeneralAssembly,
            ),
            (
                "قرار اتخذته الجمعية العامة في 13 كانون الأول/ديسمبر 2010",
                "2010-12-13",
                Organ::GeneralAssembly,
            ),
            (
                "Résolution adoptée par le Conseil des droits de l’homme le 6 octobre 2023",
                "2023-10-06",
                Organ::HumanRightsCouncil,
            ),
        ] {
            assert!(is_adoption_line(line), "{line}");
            let mut meta = Meta::default();
            read_adoption_line(line, &mut meta);
            let adopted = meta.adopted.map(|d| d.date.to_string());
            assert_eq!(adopted.as_deref(), Some(date), "{line}");
            assert_eq!(meta.organ, organ, "{line}");
        }
        assert!(!is_adoption_line("Resolutions adopted"));
        for (line, committee) in [
            (
                "[on the report of the Third Committee (A/65/456)]",
                Some("Third Committee"),
            ),
            ("[without reference to a Main Committee (A/65/L.6)]", None),
            (
                "[sur la base du rapport de la Troisième Commission (A/65/456)]",
                Some("Troisième Commission"),
            ),
            ("[sans renvoi à une grande commission (A/65/L.6)]", None),
            (
                "[sobre la base del informe de la Tercera Comisión (A/65/456)]",
                Some("Tercera Comisión"),
            ),
            (
                "[sin remisión previa a una Comisión Principal (A/65/L.6)]",
                None,
            ),
            (
                "[по докладу Третьего комитета (A/65/456)]",
                Some("Третьего комитета"),
            ),
            ("[без передачи в главный комитет (A/65/L.6)]", None),
            (
                "[بناء على تقرير اللجنة الثالثة (A/65/456)]",
                Some("اللجنة الثالثة"),
            ),
            ("[دون الإحالة إلى لجنة رئيسية (A/65/L.6)]", None),
        ] {
            let mut meta = Meta::default();
            read_origin(line, &mut meta);
            let origin = meta.origin.unwrap();
            assert_eq!(origin.committee.as_deref(), committee, "{line}");
            assert_eq!(origin.symbols.len(), 1, "{line}");
        }
    }

    #[test]
    fn ods_masthead_glued() {
        let mut m = Meta::default();
        let mut d = Vec::new();
        read_masthead(
            &paras(&[
                "United NationsA/RES/65/122General AssemblyDistr.: General",
                "10 February 2011Sixty-fifth session",
                "Agenda item 122 (f)",
                "",
                "10-51986",
                "*1051986*",
            ]),
            &mut m,
            &mut d,
        );
        assert_eq!(m.symbol.as_deref(), Some("A/RES/65/122"));
        assert_eq!(m.distribution.as_deref(), Some("General"));
        assert_eq!(
            m.issued.as_ref().map(|d| d.date.to_string()),
            Some("2011-02-10".into())
        );
        assert_eq!(
            m.session.as_ref().map(|s| (s.number, s.printed.as_str())),
            Some((65, "Sixty-fifth session"))
        );
        assert_eq!(
            m.agenda_items,
            vec![AgendaItem {
                item: "122 (f)".into(),
                title: None
            }]
        );
        assert_eq!(m.job_number.as_deref(), Some("10-51986"));
        assert_eq!(m.barcode.as_deref(), Some("1051986"));
    }

    #[test]
    fn flattened_masthead() {
        let mut m = Meta::default();
        let mut d = Vec::new();
        read_masthead(
            &paras(&[
                "United Nations",
                "General Assembly Distr.: General 5 December 2025",
                "Eightieth session Agenda item 90 (b) Reduction of military budgets: objective information",
            ]),
            &mut m,
            &mut d,
        );
        assert_eq!(m.session.map(|s| s.number), Some(80));
        assert_eq!(m.agenda_items[0].item, "90 (b)");
        assert_eq!(
            m.agenda_items[0].title.as_deref(),
            Some("Reduction of military budgets: objective information")
        );
        assert_eq!(m.issued.map(|d| d.text), Some("5 December 2025".into()));
    }

    #[test]
    fn origin_and_adoption() {
        let mut m = Meta::default();
        read_origin(
            "[on the report of the First Committee (A/80/534, para. 7)]",
            &mut m,
        );
        let o = m.origin.clone().unwrap();
        assert_eq!(o.committee.as_deref(), Some("First Committee"));
        assert_eq!(o.symbols, vec!["A/80/534".to_string()]);
        read_origin(
            "[without reference to a Main Committee (A/73/L.8 and A/73/L.8/Add.1)]",
            &mut m,
        );
        let o = m.origin.clone().unwrap();
        assert_eq!(o.committee, None);
        assert_eq!(
            o.symbols,
            vec!["A/73/L.8".to_string(), "A/73/L.8/Add.1".to_string()]
        );
        read_adoption_line(
            "Resolution adopted by the General Assembly on  13 December 2010",
            &mut m,
        );
        assert_eq!(
            m.adopted.map(|d| d.date.to_string()),
            Some("2010-12-13".into())
        );
        assert_eq!(
            job_number("18-18142 (E)    021118"),
            Some("18-18142".into())
        );
        assert_eq!(job_number("10-51986"), Some("10-51986".into()));
        assert_eq!(job_number("2/5"), None);
        assert_eq!(
            find_symbol("NationsA/RES/65/122General"),
            Some("A/RES/65/122".into())
        );
    }
}
