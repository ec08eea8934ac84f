//! A hand-built resolution modelled on the seed (A/RES/65/122), with every
//! kind of content the PDF writer sets; `repeat` scales the operative part.
#![allow(dead_code)]

use unres::model::*;

fn t(s: &str) -> Inline {
    Inline::Text { text: s.into() }
}
fn ph(s: &str) -> Inline {
    Inline::Phrase { text: s.into() }
}

fn para(num: Option<&str>, content: Vec<Inline>) -> Paragraph {
    Paragraph {
        num: num.map(str::to_string),
        content: vec![Text(content)],
        ..Paragraph::default()
    }
}

pub fn sample(repeat: usize) -> Resolution {
    let date = |y, m, d, text: &str| DateText {
        date: Date::new(y, m, d).unwrap(),
        text: text.into(),
    };
    let mut preamble = vec![
        Block::Paragraph(para(None, vec![
            ph("Referring"),
            t(" to its resolution "),
            Inline::Ref { text: "59/50".into(), kind: RefKind::GaResolution, symbol: "A/RES/59/50".into() },
            t(" of "),
            Inline::Date { text: "2 December 2004".into(), date: Date::new(2004, 12, 2).unwrap() },
            t(", in which it granted the Collective Security Treaty Organization observer status in the General Assembly,"),
        ])),
        Block::Paragraph(para(None, vec![
            ph("Referring also"),
            t(" to the Articles of the Charter of the United Nations which encourage measures for regional cooperation to advance the purposes and principles of the United Nations,"),
        ])),
        Block::Paragraph(para(None, vec![
            ph("Referring"),
            t(" to Security Council resolution "),
            Inline::Ref { text: "1631 (2005)".into(), kind: RefKind::ScResolution, symbol: "S/RES/1631(2005)".into() },
            t(" of 17 October 2005, and to the declarations of the General Assembly related to the strengthening and the improvement of cooperation between the United Nations and regional organizations in maintaining international peace and security,"),
            Inline::NoteRef { marker: "1".into() },
        ])),
    ];
    for _ in 0..repeat {
        preamble.push(Block::Paragraph(para(None, vec![
            ph("Emphasizing"),
            t(" that the growing contribution by regional organizations to cooperation with the United Nations can usefully supplement the activity of the latter for the maintenance of international peace and security, including counter-terrorism, combating illegal trafficking in narcotics and arms, and http://www.un.org/en/documents/very-long-address-without-any-spaces-at-all,"),
        ])));
    }
    let mut body = Vec::new();
    let mut n = 0;
    let mut next = || {
        n += 1;
        format!("{n}.")
    };
    for _ in 0..repeat {
        body.push(Block::Paragraph(para(Some(&next()), vec![
            ph("Notes"),
            t(" the activity of the Collective Security Treaty Organization for the development of regional cooperation in such areas as strengthening regional security and stability, peacekeeping, counter-terrorism, combating illegal trafficking in narcotics and arms, countering organized transnational crime and human trafficking;"),
            Inline::NoteRef { marker: "2".into() },
        ])));
    }
    body.push(Block::Section(Section { eid: String::new(),
        num: Some("I.".into()),
        heading: Text::plain("Strengthening cooperation"),
        level: 1,
        children: vec![Block::Paragraph(Paragraph {
            num: Some(next()),
            content: vec![Text(vec![ph("Invites"), t(" the specialized components of the United Nations system:")])],
            subparagraphs: vec![
                Paragraph {
                    num: Some("(a)".into()),
                    content: vec![Text(vec![t("To cooperate and develop direct contacts with the Collective Security Treaty Organization for the joint implementation of programmes;")])],
                    subparagraphs: vec![
                        para(Some("(i)"), vec![t("Through regular consultations at the level of the secretariats;")]),
                        para(Some("(ii)"), vec![t("Through the exchange of information on matters of common interest;")]),
                    ],
                    ..Paragraph::default()
                },
                para(Some("(b)"), vec![t("To submit a report on the implementation of the present resolution;")]),
            ],
            wrap_up: vec![Text::plain("and to keep the matter under review;")],
            ..Paragraph::default()
        })],
    }));
    for _ in 0..repeat {
        body.push(Block::Paragraph(para(Some(&next()), vec![
            ph("Requests"),
            t(" the Secretary-General of the United Nations to submit to the General Assembly at its sixty-seventh session a report on the implementation of the present resolution, taking into account the views expressed by Member States in the debate on the item;"),
        ])));
    }
    Resolution {
        meta: Meta {
            symbol: Some("A/RES/65/122".into()),
            number: Some("65/122".into()),
            title: Some("Cooperation between the United Nations and the Collective Security Treaty Organization".into()),
            session: Some(Session { number: 65, printed: "Sixty-fifth session".into() }),
            adopted: Some(date(2010, 12, 13, "13 December 2010")),
            issued: Some(date(2011, 2, 10, "10 February 2011")),
            distribution: Some("General".into()),
            agenda_items: vec![AgendaItem { item: "122 (f)".into(), title: None }],
            origin: Some(Origin {
                text: Text(vec![
                    t("[without reference to a Main Committee ("),
                    Inline::Ref { text: "A/65/L.6".into(), kind: RefKind::Symbol, symbol: "A/65/L.6".into() },
                    t(")]"),
                ]),
                committee: None,
                symbols: vec!["A/65/L.6".into()],
            }),
            adoption_line: Some("Resolution adopted by the General Assembly on 13 December 2010".into()),
            job_number: Some("10-51986".into()),
            barcode: Some("1051986".into()),
            language: "en".into(),
            source_format: unres::model::SourceFormat::Ods,
            ..Meta::default()
        },
        formula: Some(Formula {
            lead: None,
            text: Text(vec![t("The General Assembly,")]),
            proclamation: None,
            after_preamble: false,
        }),
        preamble,
        body,
        closing: Some(Closing { meeting_kind: None,
            meeting: Some("64th plenary meeting".into()),
            meeting_number: Some(64),
            date: Some(date(2010, 12, 13, "13 December 2010")),
            vote: None,
            vote_notes: Vec::new(),
        }),
        annexes: vec![Annex { eid: String::new(),
            label: "Annex".into(),
            title: Some(Text::plain("Joint Declaration on Cooperation between the Secretariats")),
            blocks: vec![Block::Paragraph(para(None, vec![t("The Secretariats of the United Nations and of the Collective Security Treaty Organization declare their intention to cooperate.")]))],
        }],
        footnotes: vec![
            Footnote { marker: "1".into(), text: Text(vec![t("See resolutions "), Inline::Ref { text: "49/57".into(), kind: RefKind::GaResolution, symbol: "A/RES/49/57".into() }, t(" and 49/60.")]) },
            Footnote { marker: "2".into(), text: Text(vec![t("United Nations, "), ph("Treaty Series"), t(", vol. 2187, No. 38544.")]) },
        ],
    }
}
