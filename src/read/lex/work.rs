//! Works known by their title: a text that prints no symbol, number or date of its own
//! (the Universal Declaration) is tied to the resolution that adopted it.

use crate::lang::KNOWN_WORKS;
use crate::model::{Date, KnownWork, Meta};

/// The resolution `meta`'s text comes from, when the text does not say and its title is
/// one of a known work's titles (compared by letters and digits, case folded).
pub fn known_work(meta: &Meta) -> Option<KnownWork> {
    if meta.number.is_some() || meta.symbol.is_some() || meta.adopted.is_some() {
        return None;
    }
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let title = key(meta.title.as_deref()?);
    let w = KNOWN_WORKS
        .iter()
        .find(|w| w.titles.iter().any(|t| key(t) == title))?;
    let (y, m, d) = w.date;
    Some(KnownWork {
        number: w.number.to_string(),
        date: Date::new(y, m, d)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_declaration_by_its_title_in_any_language() {
        let mut m = Meta {
            title: Some("Всеобщая декларация прав человека".into()),
            ..Meta::default()
        };
        let w = known_work(&m).expect("known");
        let fr = Meta {
            title: Some("Déclaration universelle des droits de l'homme".into()),
            ..Meta::default()
        };
        assert_eq!(known_work(&fr), Some(w.clone()));
        assert_eq!(w.number, "217_A_III");
        assert_eq!(w.date, Date::new(1948, 12, 10).expect("date"));
        // A text that says what it is is not looked up.
        m.symbol = Some("A/RES/217(III)".into());
        assert_eq!(known_work(&m), None);
        m.symbol = None;
        m.title = Some("Universal Declaration of Animal Rights".into());
        assert_eq!(known_work(&m), None);
    }
}
