//! One paragraph of the operative part: its number, sub-paragraphs and their labels;
//! sections folded into a tree.

use super::notes::MarkPlacer;
use super::raw::{Item, Raw};
use crate::diag::{Diagnostic, Kind};
use crate::model::{Block, Paragraph, Section, Text};
use crate::read::lex::heading::{
    article_heading, article_number, heading_num, heading_over_number, looks_like_heading,
    starts_lower, strip_final_and, text_ended,
};
use crate::read::lex::label::{
    joins_without_space, letter_label, letter_value, operative_number, roman_value, sub_label,
};
use crate::read::lex::ocr::damaged_label;
use crate::read::lex::opener::is_unnumbered_operative;
use crate::read::lex::text::words;

/// A sub-paragraph label with its text; the label is returned as printed, "(a)" or "a)".
pub(crate) fn sub_label_full(s: &str) -> Option<(String, String)> {
    let (label, rest) = sub_label(s)?;
    let printed = if s.starts_with('(') {
        format!("({label})")
    } else {
        format!("{label})")
    };
    Some((printed, rest.to_string()))
}

pub(crate) fn append_continuation(raw: &mut Raw, text: &str) {
    // Continue the last thing written: the wrap-up, the last sub-paragraph, or the content.
    let join = |t: &mut String| {
        if !joins_without_space(t, text) {
            t.push(' ');
        }
        t.push_str(text);
    };
    if let Some(w) = raw.wrap.last_mut() {
        join(w);
    } else if let Some(last) = raw.subs.last_mut() {
        append_continuation(last, text);
    } else if let Some(c) = raw.content.last_mut() {
        join(c);
    } else {
        raw.content.push(text.to_string());
    }
}

/// Adds a labelled sub-paragraph at the right depth: letters under the paragraph,
/// romans under the last letter ("(i)" after "(h)" is a letter).
pub(crate) fn push_sub(para: &mut Raw, label: String, text: String, line: usize) {
    let inner = label.trim_matches(['(', ')']).to_string();
    let last_letter = para
        .subs
        .last()
        .and_then(|s| s.num.as_deref())
        .map(|n| n.trim_matches(['(', ')']).to_string());
    let letter_next = match &last_letter {
        Some(l) => letter_value(l)
            .zip(letter_value(&inner))
            .is_some_and(|(a, b)| b == a + 1),
        None => letter_value(&inner) == Some(1),
    };
    let is_roman = roman_value(&inner).is_some();
    let new = Raw {
        line,
        num: Some(label),
        content: if text.is_empty() { vec![] } else { vec![text] },
        ..Raw::default()
    };
    if letter_next || !is_roman || para.subs.is_empty() {
        // Roman list directly under the paragraph when it has no lettered list.
        if is_roman && !letter_next && !para.subs.is_empty() {
            para.subs.push(new);
            return;
        }
        para.subs.push(new);
        return;
    }
    // A roman label under the last lettered sub-paragraph; a deeper letter list nests likewise.
    if let Some(last) = para.subs.last_mut() {
        let last_inner = last
            .num
            .as_deref()
            .map(|n| n.trim_matches(['(', ')']).to_string())
            .unwrap_or_default();
        if roman_value(&last_inner).is_some() && letter_value(&last_inner).is_none() {
            para.subs.push(new);
        } else {
            last.subs.push(new);
        }
    }
}

/// One paragraph of the operative part (or an annex).
pub(crate) fn body_para(
    items: &mut Vec<Item>,
    text: &str,
    line: usize,
    next: Option<&str>,
    in_article: &mut bool,
    separate: bool,
    diags: &mut Vec<Diagnostic>,
) {
    if article_heading(text) {
        *in_article = true;
        items.push(Item::Para(Raw {
            line,
            heading: Some(text.to_string()),
            ..Raw::default()
        }));
        return;
    }
    if let Some((num, rest)) = operative_number(text) {
        if *in_article {
            if let Some(Item::Para(last)) = items.last_mut() {
                last.subs.push(Raw {
                    line,
                    num: Some(num),
                    content: vec![rest.to_string()],
                    ..Raw::default()
                });
                return;
            }
        }
        items.push(Item::Para(Raw {
            line,
            num: Some(num),
            content: if rest.is_empty() {
                vec![]
            } else {
                vec![rest.to_string()]
            },
            ..Raw::default()
        }));
        return;
    }
    if let Some((num, rest)) = sub_label_full(text) {
        if let Some(Item::Para(last)) = items.last_mut() {
            // "(6)" after "(a)": the OCR of "(b)".
            let expected = last
                .subs
                .last()
                .and_then(|s| s.num.as_deref())
                .and_then(|n| {
                    let inner = n.trim_matches(['(', ')']);
                    let next = letter_label(letter_value(inner)? + 1);
                    Some(n.replace(inner, &next))
                });
            let num = match expected {
                Some(e) if damaged_label(&num, &e) => {
                    diags.push(Diagnostic::warn(
                        Kind::InferredLabel,
                        line,
                        format!("sub-paragraph label {num} damaged in the text, read as {e}"),
                    ));
                    e
                }
                _ => num,
            };
            // "… as follows:" / "San Marino will … containing:" / "(a) …": the one
            // unlabelled paragraph before the first label introduces the list, like the
            // paragraph's own text, and is no item of it.
            if let [only] = last.subs.as_slice() {
                let intro = only.num.is_none()
                    && only.subs.is_empty()
                    && only
                        .content
                        .last()
                        .is_some_and(|c| c.trim_end().ends_with(':'));
                if intro {
                    let only = last.subs.remove(0);
                    last.content.extend(only.content);
                }
            }
            infer_missing_labels(last, &num, diags);
            push_sub(last, num, rest, line);
            return;
        }
    }
    // A bare "I." gets its title from the next paragraph (below).
    if let Some((num, htext, level)) = heading_num(text) {
        items.push(Item::Heading {
            num: Some(num),
            text: htext,
            level,
        });
        return;
    }
    // Text after a bare "I." heading is its title; text in lower case after a heading
    // that does not end is the rest of its title ("II. Our changed world – Progress and
    // remaining" over "gaps and challenges", the second line set apart by its indent).
    if let Some(Item::Heading { text: ht, .. }) = items.last_mut() {
        if ht.is_empty() {
            *ht = text.to_string();
            return;
        }
        if starts_lower(text)
            && !text_ended(ht)
            && !text_ended(text)
            && words(text).nth(14).is_none()
        {
            ht.push(' ');
            ht.push_str(text);
            return;
        }
    }
    if let Some(Item::Para(last)) = items.last_mut() {
        let last_text = last_text_of(last);
        // A page break split the paragraph (the text goes on in lower case, or the part
        // before did not end), or the number stood alone on its line.
        let continues =
            !separate && (starts_lower(text) || (!last_text.is_empty() && !text_ended(&last_text)));
        if continues || (last.content.is_empty() && last.subs.is_empty() && last.num.is_some()) {
            // A page break split the paragraph, or the number stood alone on its line.
            if last.content.is_empty() && last.subs.is_empty() {
                last.content.push(text.to_string());
            } else {
                append_continuation(last, text);
            }
            return;
        }
        if !*in_article {
            // Items of a list whose labels the extraction lost: the paragraph's intro ends with ':'.
            let intro_colon = last.subs.is_empty()
                && last
                    .content
                    .last()
                    .is_some_and(|c| c.trim_end().ends_with(':'));
            // An item ends with ';', or with "; and" / ", and" before the last one.
            let item_ended = {
                let t = last_text.trim_end();
                t.ends_with(';') || strip_final_and(t).len() < t.len()
            };
            // After the labelled list of an unnumbered paragraph, a paragraph opening with
            // an operative verb is the next paragraph ("Appoints a committee …"), not an
            // item that lost its label.
            let next_paragraph = last.num.is_none()
                && !last.subs.is_empty()
                && last.subs.iter().all(|s| s.num.is_some())
                && is_unnumbered_operative(text);
            // Entries the print sets without labels, each a sentence of its own ("Monday,
            // 9 June: from 9 a.m. to 1 p.m." under "… as follows:"): the list goes on until
            // a number or a heading.
            let entries = sentence_entries(&last.subs);
            let in_list = !last.subs.is_empty()
                && last.wrap.is_empty()
                && (item_ended || entries)
                && !next_paragraph;
            if (intro_colon || in_list) && !looks_like_heading(text) {
                last.subs.push(Raw {
                    line,
                    num: None,
                    content: vec![text.to_string()],
                    ..Raw::default()
                });
                return;
            }
            if !last.subs.is_empty()
                && !next_paragraph
                && last.wrap.is_empty()
                && !looks_like_heading(text)
                && !last_text.trim_end().ends_with(':')
            {
                last.wrap.push(text.to_string());
                return;
            }
        } else if !looks_like_heading(text) || last.heading.is_some() {
            last.content.push(text.to_string());
            return;
        }
    }
    // A heading over the next numbered paragraph may run long: where a paragraph would
    // have ended in punctuation, a line without it before a number is a heading.
    let next_numbered = next.is_some_and(|n| operative_number(n).is_some());
    if (looks_like_heading(text)
        && next.is_some_and(|n| next_numbered || heading_num(n).is_some() || looks_like_heading(n)))
        || (next_numbered && heading_over_number(text))
    {
        let level = items.iter().rev().find_map(|i| match i {
            Item::Heading {
                num: Some(_),
                level,
                ..
            } => Some(*level + 1),
            _ => None,
        });
        items.push(Item::Heading {
            num: None,
            text: text.to_string(),
            level: level.unwrap_or(1).min(3),
        });
        return;
    }
    items.push(Item::Para(Raw::text(line, text)));
}

pub(crate) fn last_text_of(r: &Raw) -> String {
    if let Some(w) = r.wrap.last() {
        return w.clone();
    }
    if let Some(s) = r.subs.last() {
        return last_text_of(s);
    }
    r.content.last().cloned().unwrap_or_default()
}

/// Unlabelled items that each end a sentence: entries printed without labels (a list
/// whose labels were lost ends its items with ';'), so none is inferred for them.
pub(crate) fn sentence_entries(subs: &[Raw]) -> bool {
    !subs.is_empty()
        && subs.iter().all(|s| {
            s.num.is_none() && s.subs.is_empty() && last_text_of(s).trim_end().ends_with('.')
        })
}

/// When "(c)" follows unlabelled items, they were "(a)" and "(b)": fill the labels in.
pub(crate) fn infer_missing_labels(para: &mut Raw, label: &str, diags: &mut Vec<Diagnostic>) {
    let inner = label.trim_matches(['(', ')']);
    let Some(v) = letter_value(inner) else { return };
    let unlabelled: Vec<usize> = para
        .subs
        .iter()
        .enumerate()
        .filter(|(_, s)| s.num.is_none())
        .map(|(i, _)| i)
        .collect();
    if unlabelled.is_empty() {
        return;
    }
    // Certain only when every earlier item lacks a label and their count fits.
    if unlabelled.len() == para.subs.len() && para.subs.len() as u32 == v - 1 {
        label_in_order(&mut para.subs, "the labels after it", diags);
    }
}

/// Gives the items the labels (a), (b), … and reports each as inferred from `from`.
pub(crate) fn label_in_order(subs: &mut [Raw], from: &str, diags: &mut Vec<Diagnostic>) {
    for (k, s) in subs.iter_mut().enumerate() {
        let label = format!("({})", letter_label(k as u32 + 1));
        diags.push(Diagnostic::warn(
            Kind::InferredLabel,
            s.line,
            format!("sub-paragraph label {label} missing; inferred from {from}"),
        ));
        s.num = Some(label);
        s.num_inferred = true;
    }
}

/// Labels for a list none of whose items kept a label: (a), (b), … in order.
pub(crate) fn infer_whole_list(para: &mut Raw, diags: &mut Vec<Diagnostic>) {
    for s in para.subs.iter_mut() {
        infer_whole_list(s, diags);
    }
    if para.subs.len() >= 2
        && para.subs.iter().all(|s| s.num.is_none())
        && !sentence_entries(&para.subs[..para.subs.len() - 1])
    {
        label_in_order(&mut para.subs, "the list's order", diags);
    } else if para.subs.len() == 1 && para.subs[0].num.is_none() {
        // A single unlabelled "item" is just more text of the paragraph.
        let only = para.subs.remove(0);
        para.content.extend(only.content);
    }
}

/// Folds items into blocks (sections nest by level) and turns raw text into inlines.
pub(crate) fn to_blocks(
    items: Vec<Item>,
    marks: &mut MarkPlacer,
    english: bool,
    phrases: bool,
) -> Vec<Block> {
    // Stack of open sections: (section, level).
    let mut root: Vec<Block> = Vec::new();
    let mut stack: Vec<Section> = Vec::new();
    fn close_to(stack: &mut Vec<Section>, root: &mut Vec<Block>, level: u8) {
        while stack.last().is_some_and(|s| s.level >= level) {
            if let Some(s) = stack.pop() {
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Block::Section(s)),
                    None => root.push(Block::Section(s)),
                }
            }
        }
    }
    for item in items {
        match item {
            Item::Heading { num, text, level } => {
                close_to(&mut stack, &mut root, level);
                let heading = marks.text(&text, false, english);
                stack.push(Section {
                    num,
                    heading,
                    level,
                    children: Vec::new(),
                    eid: String::new(),
                });
            }
            Item::Para(mut raw) => {
                let mut sink = Vec::new();
                infer_whole_list(&mut raw, &mut sink);
                marks.diags.extend(sink);
                let p = raw_to_paragraph(raw, marks, english, phrases);
                match stack.last_mut() {
                    Some(s) => s.children.push(Block::Paragraph(p)),
                    None => root.push(Block::Paragraph(p)),
                }
            }
        }
    }
    close_to(&mut stack, &mut root, 0);
    root
}

pub(crate) fn raw_to_paragraph(
    raw: Raw,
    marks: &mut MarkPlacer,
    english: bool,
    phrase: bool,
) -> Paragraph {
    marks.line = raw.line;
    // An article's text opens with its subject ("Everyone has the right …"), not with
    // a leading phrase: the declaration's articles print no italics.
    let phrase = phrase && raw.heading.is_none();
    let content: Vec<Text> = raw
        .content
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.trim().is_empty())
        .map(|(k, c)| marks.text(c, phrase && k == 0, english))
        .collect();
    let subparagraphs = raw
        .subs
        .into_iter()
        .map(|s| raw_to_paragraph(s, marks, english, false))
        .collect();
    let wrap_up = raw
        .wrap
        .iter()
        .map(|w| marks.text(w, false, english))
        .collect();
    Paragraph {
        num: raw.num,
        num_inferred: raw.num_inferred,
        article: raw.heading.as_deref().and_then(article_number),
        eid: String::new(),
        heading: raw.heading.map(Text::plain),
        content,
        subparagraphs,
        wrap_up,
    }
}
