use super::builder::*;
use super::language::*;
use super::paragraph::*;
use super::preamble::{inline_formula, starts_proclamation};
use super::raw::*;
use crate::lang::{ASCII_ORGAN_NAMES, ORGAN_NAMES};
use crate::model::*;
use crate::read::lex::date::*;
use crate::read::lex::heading::*;
use crate::read::lex::label::*;
use crate::read::lex::meeting::*;
use crate::read::lex::opener::*;
use crate::read::lex::organ::*;
use crate::read::lex::text::*;
use crate::read::prepared::*;

use super::*;

#[test]
fn article_headings_in_several_scripts() {
    for h in [
        "Article 1",
        "Article premier",
        "Статья 12",
        "المادة ١",
        "第一条",
        "第 1 条",
        "第二十九条",
        "第三十條",
        "第１条",
    ] {
        assert!(article_heading(h), "{h}");
    }
    for h in [
        "第条",
        "第一条款",
        "第一百二十三条",
        "第一条 人人生而自由",
        "Article 1 of the Charter",
        "Articles 1",
    ] {
        assert!(!article_heading(h), "{h}");
    }
}

#[test]
fn numbers_and_labels() {
    assert_eq!(
        operative_number("12. Decides"),
        Some(("12.".into(), "Decides"))
    );
    assert_eq!(operative_number("1."), Some(("1.".into(), "")));
    assert_eq!(operative_number("2024. Year"), None);
    assert_eq!(operative_number("3.4 per cent"), None);
    assert_eq!(
        sub_label("(a) To continue"),
        Some(("a".into(), "To continue"))
    );
    assert_eq!(sub_label("(iv) text"), Some(("iv".into(), "text")));
    assert_eq!(sub_label("(see below)"), None);
    assert_eq!(sub_label("(ab) x"), None);
    assert_eq!(sub_label("(12) text"), Some(("12".into(), "text")));
    // A wrapped line that opens with a cited resolution's year is no label.
    assert_eq!(sub_label("(1989) of 7 November 1989"), None);
    assert_eq!(roman_value("xiv"), Some(14));
    assert_eq!(roman_value("iiii"), None);
    assert_eq!(
        number_title("65/122.\tCooperation"),
        Some(("65/122".into(), "Cooperation".into()))
    );
    assert_eq!(number_title("73/6."), Some(("73/6".into(), String::new())));
    assert_eq!(
        number_title("68/247 B. Title"),
        Some(("68/247 B".into(), "Title".into()))
    );
    assert_eq!(
        heading_num("II. Implementation of"),
        Some(("II.".into(), "Implementation of".into(), 1))
    );
    assert_eq!(heading_num("I."), Some(("I.".into(), String::new(), 1)));
    assert_eq!(
        heading_num("A. Title"),
        Some(("A.".into(), "Title".into(), 2))
    );
    assert_eq!(heading_num("II"), Some(("II".into(), String::new(), 1)));
    assert_eq!(
        heading_num("IV Strengthening of cooperation"),
        Some(("IV".into(), "Strengthening of cooperation".into(), 1))
    );
    assert_eq!(heading_num("I am"), None);
}

#[test]
fn closing_and_formula() -> Result<(), Box<dyn std::error::Error>> {
    assert_eq!(
        meeting_line("64th plenary meeting").map(|m| m.0),
        Some("64th plenary meeting".into())
    );
    let (m, d) = meeting_line("52nd plenary meeting 1 December 2025").ok_or("no meeting line")?;
    assert_eq!(m, "52nd plenary meeting");
    assert_eq!(d.ok_or("no date")?.date.to_string(), "2025-12-01");
    assert_eq!(
        formula_organ("The General Assembly,"),
        Some(Organ::GeneralAssembly)
    );
    assert_eq!(
        formula_organ("L’Assemblée générale"),
        Some(Organ::GeneralAssembly)
    );
    assert_eq!(
        formula_organ("Генеральная Ассамблея,"),
        Some(Organ::GeneralAssembly)
    );
    assert_eq!(formula_organ("The General Assembly decides"), None);
    Ok(())
}

#[test]
fn meeting_lines_in_the_official_languages() -> Result<(), Box<dyn std::error::Error>> {
    for (line, meeting, number) in [
        ("71e séance plénière", "71e séance plénière", 71),
        ("1re séance plénière", "1re séance plénière", 1),
        ("71ª sesión plenaria", "71ª sesión plenaria", 71),
        ("71.ª sesión plenaria", "71.ª sesión plenaria", 71),
        ("71-е пленарное заседание", "71-е пленарное заседание", 71),
        ("الجلسة العامة 71", "الجلسة العامة 71", 71),
        ("الجلسة العامة ٧١", "الجلسة العامة ٧١", 71),
        ("第37次全体会议", "第37次全体会议", 37),
    ] {
        let (m, d) = meeting_line(line).unwrap_or_else(|| panic!("{line}"));
        assert_eq!((m.as_str(), d.is_none()), (meeting, true), "{line}");
        assert_eq!(meeting_number(&m), Some(number), "{line}");
    }
    let (m, d) =
        meeting_line("71-е пленарное заседание, 10 декабря 2010 года").ok_or("no meeting line")?;
    assert_eq!(m, "71-е пленарное заседание");
    assert_eq!(d.map(|d| d.date.to_string()).as_deref(), Some("2010-12-10"));
    for date in [
        "10 décembre 2010",
        "1er décembre 2010",
        "10 de diciembre de 2010",
        "10 декабря 2010 года",
        "10 كانون الأول/ديسمبر 2010",
    ] {
        let d = parse_date(date).unwrap_or_else(|| panic!("{date}"));
        assert!(d.to_string().starts_with("2010-12-"), "{date}");
    }
    assert_eq!(
        parse_date("28 حزيران/يونيه 2013").map(|d| d.to_string()),
        Some("2013-06-28".into())
    );
    for not in ["الجلسة", "الجلسة العامة", "71e Commission", "Article 71"] {
        assert!(meeting_line(not).is_none(), "{not}");
    }
    Ok(())
}

#[test]
fn roman_after_h_is_a_letter() {
    let mut p = Raw::default();
    for l in ["a", "b", "c", "d", "e", "f", "g", "h", "i"] {
        push_sub(&mut p, format!("({l})"), "x".into(), 1);
    }
    assert_eq!(p.subs.len(), 9);
    let mut q = Raw::default();
    push_sub(&mut q, "(a)".into(), "x".into(), 1);
    push_sub(&mut q, "(i)".into(), "x".into(), 1);
    push_sub(&mut q, "(ii)".into(), "x".into(), 1);
    push_sub(&mut q, "(b)".into(), "x".into(), 1);
    assert_eq!(q.subs.len(), 2);
    assert_eq!(q.subs[0].subs.len(), 2);
}

#[test]
fn language_words_counted_as_whole_words() {
    let s =
        "les\u{a0}des  est\tunes une\u{2003}pour, para\u{3000}los las del del\u{85}Considérant x";
    let (mut fr, mut es) = (0, 0);
    count_language_words(s, &mut fr, &mut es);
    let mut fr2 = 0;
    let mut es2 = 0;
    for w in s.split_whitespace() {
        match w {
            "les" | "des" | "est" | "une" | "dans" | "pour" | "Considérant" => fr2 += 1,
            "los" | "las" | "del" | "una" | "para" | "Considerando" => es2 += 1,
            _ => {}
        }
    }
    assert_eq!((fr, es), (fr2, es2));
    assert_eq!((fr, es), (5, 5));
    for j in 0..s.len() {
        let ends = s.is_char_boundary(j + 1)
            && s[..j + 1]
                .chars()
                .next_back()
                .is_some_and(char::is_whitespace);
        assert_eq!(ends_whitespace(s, j), ends, "{j}");
    }
}

#[test]
fn language_from_the_script() {
    let zh = paras(&["鉴于对人类家庭所有成员的固有尊严及其平等的和不移的权利的承认,乃是世界自由、正义与和平的基础,"]);
    assert_eq!(guess_language(&zh), "zh");
    let ar = paras(&["لمّا كان الاعتراف بالكرامة المتأصلة في جميع أعضاء الأسرة البشرية"]);
    assert_eq!(guess_language(&ar), "ar");
    // A few Latin symbols do not outweigh the script of the text.
    let ar_symbols = paras(&[
        "وإذ تشير إلى قراراتها 40 / 152 سين المؤرخ 16 كانون الأول/ ديسمبر 1985 (A/RES/40/152)،",
    ]);
    assert_eq!(guess_language(&ar_symbols), "ar");
    let es = paras(&["Considerando que la libertad, la justicia y la paz en el mundo tienen por base el reconocimiento de la dignidad intrínseca y de los derechos iguales e inalienables de todos los miembros de la familia humana; los pueblos de las Naciones Unidas para una vida mejor, las personas y los Estados"]);
    assert_eq!(guess_language(&es), "es");
    let ru = paras(&[
        "Принимая во внимание, что признание достоинства, присущего всем членам человеческой семьи",
    ]);
    assert_eq!(guess_language(&ru), "ru");
    let en =
        paras(&["Whereas recognition of the inherent dignity (人权) is the foundation of freedom"]);
    assert_eq!(guess_language(&en), "en");
}

#[test]
fn formulas_in_chinese_arabic_and_spanish() {
    for (line, organ) in [
        ("大会，", Organ::GeneralAssembly),
        ("大会,", Organ::GeneralAssembly),
        ("　　大会，", Organ::GeneralAssembly),
        ("大會，", Organ::GeneralAssembly),
        ("安全理事会，", Organ::SecurityCouncil),
        ("إن الجمعية العامة،", Organ::GeneralAssembly),
        ("فإن الجمعية العامة", Organ::GeneralAssembly),
        ("إن مجلس الأمن،", Organ::SecurityCouncil),
        ("إن مجلس حقوق الإنسان،", Organ::HumanRightsCouncil),
        ("La Asamblea General,", Organ::GeneralAssembly),
        ("El Consejo de Seguridad,", Organ::SecurityCouncil),
    ] {
        assert_eq!(formula_organ(line), Some(organ), "{line}");
    }
    // The bare names are masthead lines ("联合国 / 大会", "الأمم المتحدة / الجمعية العامة").
    for line in ["大会", "الجمعية العامة", "大会决议", "General Assembly"] {
        assert_eq!(formula_organ(line), None, "{line}");
    }
}

#[test]
fn ascii_organ_names_come_first() {
    for (k, (name, _, _)) in ORGAN_NAMES.iter().enumerate() {
        assert_eq!(name.is_ascii(), k < ASCII_ORGAN_NAMES, "{name}");
    }
}

#[test]
fn formula_run_together_with_its_lead_and_proclamation() -> Result<(), Box<dyn std::error::Error>> {
    let f = inline_formula(
        "因此现在,大会,发布这一世界人权宣言,作为所有人民和所有国家努力实现的共同标准;",
    )
    .ok_or("no formula")?;
    assert_eq!(f.organ, Organ::GeneralAssembly);
    assert_eq!(f.lead, Some("因此现在,"));
    assert_eq!(f.formula, "大会,");
    assert!(f.proclamation.starts_with("发布这一世界人权宣言"));
    let f = inline_formula("大会，发布这一世界人权宣言，作为共同标准；").ok_or("no formula")?;
    assert_eq!((f.lead, f.formula), (None, "大会，"));
    // Not without a proclamation, nor in an ordinary paragraph.
    assert!(inline_formula("大会,回顾其决议,").is_none());
    assert!(inline_formula("Recalling, in this regard, its resolution 70/1,").is_none());
    Ok(())
}

#[test]
fn openers_and_proclamations() {
    assert!(preamble_opener("鉴于对人权的无视和侮蔑已发展为野蛮暴行,"));
    assert!(preamble_opener("鑑於對人權的無視和侮蔑已發展為野蠻暴行，"));
    assert!(preamble_opener("لمّا كان الاعتراف بالكرامة المتأصلة"));
    assert!(preamble_opener("ولما كان تناسي حقوق الإنسان"));
    assert!(preamble_opener("Considerando que la libertad"));
    assert!(!preamble_opener("回顾其决议,"));
    assert!(starts_proclamation("发布这一世界人权宣言,作为"));
    assert!(starts_proclamation("تنادي بهذا الإعلان العالمي لحقوق الإنسان"));
    assert!(starts_proclamation("Proclama la presente Declaración"));
    assert!(!starts_proclamation("第一条"));
}

#[test]
fn headings_and_endings_without_capitals_or_spaces() {
    assert!(looks_like_heading("世界人权宣言"));
    assert!(looks_like_heading("联合国同各国议会联盟的合作"));
    assert!(looks_like_heading("الإعلان العالمي لحقوق الإنسان"));
    assert!(!looks_like_heading("鉴于有必要促进各国间友好关系的发展，"));
    assert!(!looks_like_heading("人人有权享有生命、自由和人身安全。"));
    assert!(!looks_like_heading(&"人".repeat(61)));
    for s in [
        "发展，",
        "安全。",
        "合作;",
        "协定；",
        "السلاح،",
        "السلاح؛",
        "للجنة:",
    ] {
        assert!(text_ended(s), "{s}");
    }
    assert!(!text_ended("تنادي بهذا الإعلان العالمي لحقوق الإنسان"));
}

#[test]
fn numbers_and_labels_of_chinese_and_arabic_texts() {
    assert_eq!(
        operative_number("1.请秘书长采取有效措施"),
        Some(("1.".into(), "请秘书长采取有效措施"))
    );
    assert_eq!(operative_number("12. 决定"), Some(("12.".into(), "决定")));
    assert_eq!(
        operative_number("1 - تؤكد مجددا"),
        Some(("1.".into(), "تؤكد مجددا"))
    );
    assert_eq!(operative_number("١٢. تطلب"), Some(("12.".into(), "تطلب")));
    assert_eq!(operative_number("٣ - تقرر"), Some(("3.".into(), "تقرر")));
    assert_eq!(operative_number("1 - 2 December"), None);
    assert_eq!(operative_number("1.5亿"), None);
    assert_eq!(operative_number("١٢٣٤. x"), None);
    assert_eq!(sub_label("(أ) تنعقد"), Some(("أ".into(), "تنعقد")));
    assert_eq!(sub_label("(هـ) نص"), Some(("هـ".into(), "نص")));
    assert_eq!(sub_label("(أب) نص"), None);
    assert_eq!(sub_label("(a)立即增设"), Some(("a".into(), "立即增设")));
    assert_eq!(
        sub_label("a) ¿Cuáles son"),
        Some(("a".into(), "¿Cuáles son"))
    );
    assert_eq!(sub_label("ii) texto"), Some(("ii".into(), "texto")));
    assert_eq!(sub_label("ab) x"), None);
    assert_eq!(sub_label("a)x"), None);
    assert_eq!(sub_label_full("b) texto").map(|l| l.0), Some("b)".into()));
    assert_eq!(sub_label_full("(b) text").map(|l| l.0), Some("(b)".into()));
}

#[test]
fn chinese_article_numbers() {
    for (h, n) in [
        ("第一条", 1),
        ("第十条", 10),
        ("第十一条", 11),
        ("第二十九条", 29),
        ("第三十條", 30),
        ("第一百条", 100),
        ("第 1 条", 1),
        ("第１２条", 12),
    ] {
        assert_eq!(cjk_article_number(h), Some(n), "{h}");
    }
    assert_eq!(cjk_article_number("第条"), None);
    assert_eq!(cjk_article_number("Article 1"), None);
}

#[test]
fn chinese_closing_lines() {
    assert_eq!(chinese_meeting("第37次全体会议"), Some(37));
    assert_eq!(chinese_meeting("第37次会议"), Some(37));
    assert_eq!(chinese_meeting("第一条"), None);
    assert_eq!(
        parse_date("1997年10月28日").map(|d| d.to_string()),
        Some("1997-10-28".into())
    );
    assert_eq!(parse_date("1997年13月28日"), None);
}

/// The OHCHR text of the Chinese Declaration: full-width punctuation, the lead, the
/// formula and the proclamation on lines of their own.
#[test]
fn chinese_declaration_with_its_formula_on_separate_lines() -> Result<(), Box<dyn std::error::Error>>
{
    let text = "世界人权宣言\n序言\n\
\u{3000}\u{3000}鉴于有必要促进各国间友好关系的发展，\n\
\u{3000}\u{3000}鉴于对这些权利和自由的普遍了解对于这个誓愿的充分实现具有很大的重要性，\n\
\u{3000}\u{3000}因此现在，\n\u{3000}\u{3000}大会，\n\
\u{3000}\u{3000}发布这一世界人权宣言，作为所有人民和所有国家努力实现的共同标准；\n\
第一条\n\u{3000}\u{3000}人人生而自由，在尊严和权利上一律平等。\n";
    let out = crate::read::read(text, None)?;
    let doc = out.doc;
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    assert_eq!(doc.meta.language, "zh");
    assert_eq!(doc.meta.title.as_deref(), Some("世界人权宣言"));
    let f = doc.formula.clone().ok_or("no formula")?;
    assert_eq!(f.text.to_plain(), "大会，");
    assert_eq!(f.lead.map(|l| l.to_plain()).as_deref(), Some("因此现在，"));
    assert!(f
        .proclamation
        .is_some_and(|p| p.to_plain().starts_with("发布")));
    // "序言" (Preamble) is kept, as the heading of the recitals.
    let [Block::Section(preamble)] = doc.preamble.as_slice() else {
        return Err(format!("the preamble is not one section: {:?}", doc.preamble).into());
    };
    assert_eq!(preamble.heading.to_plain(), "序言");
    assert_eq!(doc.preambular_paragraphs().len(), 2);
    assert_eq!(doc.body.len(), 1);
    assert_eq!(doc.operative_paragraphs()[0].article.as_deref(), Some("1"));
    Ok(())
}

/// Chinese lines wrapped inside a sentence join without a space.
#[test]
fn wrapped_chinese_lines_join_without_a_space() -> Result<(), Box<dyn std::error::Error>> {
    let text = "52/7. 联合国同各国议会联盟的合作\n\n大会，\n\n\
回顾1996年10月25日第51/7号决议，其中欢迎联合国同各国议会联盟\n\
缔结合作协定，这是这两个组织之间增加和加强合作的一个重要步骤，\n\n\
1. 赞赏地注意到联合国同各国议会联盟之间的合作有所增加；\n\n\
2. 建议进一步加强这一合作。\n\n1997年10月28日\n第37次全体会议\n";
    for format in [Format::Pdftotext, Format::Cleaned] {
        let doc = crate::read::read(text, Some(format))?.doc;
        let pre = doc.preambular_paragraphs();
        assert_eq!(pre.len(), 1, "{format:?}");
        let t = pre[0].content[0].to_plain();
        assert!(t.contains("联盟缔结"), "{format:?}: {t}");
        assert_eq!(doc.operative_paragraphs().len(), 2, "{format:?}");
        assert_eq!(doc.closing.and_then(|c| c.meeting_number), Some(37));
    }
    assert!(joins_without_space("联盟", "缔结"));
    assert!(joins_without_space("重要步骤，", "“合作”"));
    assert!(!joins_without_space("the", "Assembly"));
    assert!(joins_without_space("合作”", "的项目"));
    assert!(!joins_without_space("联盟", "A/52/456"));
    assert!(!joins_without_space("“", "“"));
    Ok(())
}

/// An Arabic masthead names the Assembly bare: that line is not the formula.
#[test]
fn arabic_masthead_name_is_not_the_formula() -> Result<(), Box<dyn std::error::Error>> {
    let text = "الأمم المتحدة\nالجمعية العامة\nإن الجمعية العامة،\n\
إذ تلاحظ الأهمية الحاسمة للتدابير الفعالة في مجال التحقق،\n\
1 - تؤكد مجددا الأهمية الحاسمة للتدابير الفعالة في مجال التحقق؛\n\
2 - تطلب إلى الأمين العام أن يقدم تقريرا.\n";
    let doc = crate::read::read(text, None)?.doc;
    assert_eq!(
        doc.formula.map(|f| f.text.to_plain()).as_deref(),
        Some("إن الجمعية العامة،")
    );
    assert_eq!(doc.preamble.len(), 1);
    let nums: Vec<Option<String>> = doc
        .body
        .iter()
        .map(|b| match b {
            Block::Paragraph(p) => p.num.clone(),
            Block::Section(_) => None,
        })
        .collect();
    assert_eq!(nums, [Some("1.".into()), Some("2.".into())]);
    Ok(())
}

#[test]
fn notes_split() {
    assert_eq!(
        split_note("1 See resolutions 49/57 and 49/60."),
        Some((1, "See resolutions 49/57 and 49/60."))
    );
    assert_eq!(split_note("13 December 2010"), None);
    assert_eq!(split_note("1. Notes"), None);
}

/// A resolution printed without its enacting formula (A/RES/78/225 goes from its title
/// straight to its first recital): the title stops at the recital, which opens the
/// preamble, and the numbered paragraphs are the operative part.
#[test]
fn a_resolution_without_its_formula_reads_from_title_to_preamble(
) -> Result<(), Box<dyn std::error::Error>> {
    let lines = [
        "Resolution adopted by the General Assembly on 19 December 2023",
        "78/225. Enhancing the contributions of the Commission",
        "on Crime Prevention and Criminal Justice",
        "Reaffirming its resolution 70/1 of 25 September 2015,",
        "Recalling its resolution 70/299 of 29 July 2016,",
        "1. Recalls the commitment made by States;",
        "2. Underlines the important role of the Commission.",
        "50th plenary meeting",
        "19 December 2023",
    ];
    let prep = Prepared {
        body: lines
            .iter()
            .enumerate()
            .map(|(i, t)| Para {
                line: i + 1,
                text: t.to_string(),
            })
            .collect(),
        lines_are_paragraphs: true,
        ..Prepared::default()
    };
    let doc = build(prep, Format::Cleaned)?.doc;
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("Enhancing the contributions of the Commission on Crime Prevention and Criminal Justice")
    );
    assert!(doc.formula.is_none());
    assert_eq!(doc.preamble.len(), 2);
    assert_eq!(doc.body.len(), 2);
    assert!(doc.closing.is_some());
    Ok(())
}

/// A declaration: its "Preamble" heading kept over the recitals, each recital's opener
/// a leading phrase (in lower case too, as the Russian text prints them), the articles
/// numbered ("Article premier" is article 1) and opening with no leading phrase.
#[test]
fn declaration_preamble_articles_and_phrases() -> Result<(), Box<dyn std::error::Error>> {
    let fr = "Déclaration universelle des droits de l’homme\nPréambule\n\
Considérant que la reconnaissance de la dignité inhérente à tous les membres de la famille humaine constitue le fondement de la liberté,\n\
Considérant qu’il est essentiel d’encourager le développement de relations amicales entre nations,\n\
L’Assemblée générale\n\
Proclame la présente Déclaration universelle des droits de l’homme comme l’idéal commun à atteindre.\n\
Article premier\n\
Tous les êtres humains naissent libres et égaux en dignité et en droits.\n\
Article 2\n\
Chacun peut se prévaloir de tous les droits et de toutes les libertés proclamés dans la présente Déclaration.\n";
    let ru = "Всеобщая декларация прав человека\nПРЕАМБУЛА\n\
Принимая во внимание, что признание достоинства, присущего всем членам человеческой семьи, является основой свободы,\n\
принимая во внимание, что необходимо содействовать развитию дружественных отношений между народами,\n\
Генеральная Ассамблея,\n\
провозглашает настоящую Всеобщую декларацию прав человека в качестве задачи, к выполнению которой должны стремиться все народы.\n\
Статья 1\n\
Все люди рождаются свободными и равными в своем достоинстве и правах.\n";
    for (text, heading, phrases, first_word) in [
        (fr, "Préambule", ["Considérant", "Considérant"], "Tous"),
        (ru, "ПРЕАМБУЛА", ["Принимая", "принимая"], "Все"),
    ] {
        let doc = crate::read::read(text, None)?.doc;
        assert_eq!(doc.meta.kind, DocKind::Declaration);
        let [Block::Section(s)] = doc.preamble.as_slice() else {
            return Err(format!("no preamble section: {:?}", doc.preamble).into());
        };
        assert_eq!(s.heading.to_plain(), heading);
        for (p, phrase) in doc.preambular_paragraphs().iter().zip(phrases) {
            assert_eq!(
                p.content.first().and_then(|t| t.0.first()),
                Some(&Inline::Phrase {
                    text: phrase.into()
                }),
                "{}",
                p.content[0].to_plain()
            );
        }
        let proclamation = doc
            .formula
            .clone()
            .and_then(|f| f.proclamation)
            .ok_or("no proclamation")?;
        assert!(
            matches!(proclamation.0.first(), Some(Inline::Phrase { .. })),
            "{proclamation:?}"
        );
        let articles = doc.operative_paragraphs();
        assert_eq!(articles[0].article.as_deref(), Some("1"));
        let first = articles[0].content[0].0.first();
        assert!(
            matches!(first, Some(Inline::Text { text }) if text.starts_with(first_word)),
            "{first:?}"
        );
    }
    Ok(())
}

/// A draft's masthead lines and body paragraphs, shaped.
fn draft(masthead: &[&str], body: &[&str]) -> Result<Resolution, crate::read::ReadError> {
    let prep = Prepared {
        masthead: paras(masthead),
        body: paras(body),
        ..Prepared::default()
    };
    Ok(build(prep, Format::Pdftotext)?.doc)
}

#[test]
fn a_draft_resolution_keeps_its_sponsors_and_committee() -> Result<(), Box<dyn std::error::Error>> {
    let doc = draft(
        &["A/C.3/80/L.20", "General Assembly", "Distr.: Limited", "Eightieth session", "Third Committee", "Agenda item 67", "Rights of children"],
        &[
            "Andorra, Bosnia and Herzegovina and Venezuela (Bolivarian Republic of):* draft resolution",
            "Rights of the child",
            "The General Assembly,",
            "Recalling its resolution 44/25,",
            "1. Decides to continue;",
        ],
    )?;
    let m = &doc.meta;
    assert_eq!(m.kind, DocKind::DraftResolution);
    assert_eq!(m.symbol.as_deref(), Some("A/C.3/80/L.20"));
    assert_eq!(m.title.as_deref(), Some("Rights of the child"));
    assert_eq!(m.distribution.as_deref(), Some("Limited"));
    assert_eq!(
        m.agenda_items[0].title.as_deref(),
        Some("Rights of children")
    );
    let d = m.draft.as_ref().ok_or("no draft facts")?;
    assert_eq!(d.committee.as_deref(), Some("Third Committee"));
    assert_eq!(
        d.sponsors,
        [
            "Andorra",
            "Bosnia and Herzegovina",
            "Venezuela (Bolivarian Republic of)"
        ]
    );
    assert_eq!(
        d.submitted,
        "Andorra, Bosnia and Herzegovina and Venezuela (Bolivarian Republic of): draft resolution"
    );
    assert_eq!(doc.preambular_paragraphs().len(), 1);
    assert_eq!(doc.operative_paragraphs().len(), 1);
    Ok(())
}

#[test]
fn an_officers_draft_has_no_sponsors_and_a_revision() -> Result<(), Box<dyn std::error::Error>> {
    let doc = draft(
        &["A/C.5/80/L.4/Rev.1", "Fifth Committee", "Agenda item 136"],
        &[
            "Draft resolution submitted by the Chair of the Committee following informal consultations",
            "Questions relating to the budget",
            "The General Assembly,",
            "1. Approves the budget;",
        ],
    )?;
    let d = doc.meta.draft.as_ref().ok_or("no draft facts")?;
    assert!(d.sponsors.is_empty());
    assert_eq!(d.revision, Some(1));
    assert_eq!(d.committee.as_deref(), Some("Fifth Committee"));
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("Questions relating to the budget")
    );
    Ok(())
}

#[test]
fn an_amendment_is_its_instructions() -> Result<(), Box<dyn std::error::Error>> {
    let doc = draft(
        &["A/80/L.19", "Agenda item 72 (a)"],
        &[
            "Russian Federation: amendment to draft resolution A/80/L.18",
            "Safety and security of humanitarian personnel Delete the thirty-eighth preambular paragraph reading:",
            "Recalling the inclusion of attacks,",
        ],
    )?;
    assert_eq!(doc.meta.kind, DocKind::Amendment);
    let d = doc.meta.draft.as_ref().ok_or("no draft facts")?;
    assert_eq!(d.amends.as_deref(), Some("A/80/L.18"));
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("Safety and security of humanitarian personnel")
    );
    assert!(doc.formula.is_none());
    let first = doc.operative_paragraphs()[0].content[0].to_plain();
    assert!(first.starts_with("Delete the thirty-eighth"), "{first}");
    Ok(())
}

#[test]
fn a_draft_decision_is_one_running_text() -> Result<(), Box<dyn std::error::Error>> {
    let doc = draft(
        &["A/C.1/80/L.35", "First Committee"],
        &[
            "United Kingdom of Great Britain and Northern Ireland: draft decision",
            "Reducing space threats through norms, rules and principles of",
            "responsible behaviours",
            "The General Assembly, recalling its resolution 79/22 of 2 December 2024, decides to include the item.",
        ],
    )?;
    assert_eq!(doc.meta.kind, DocKind::DraftDecision);
    assert_eq!(
        doc.meta.title.as_deref(),
        Some(
            "Reducing space threats through norms, rules and principles of responsible behaviours"
        )
    );
    assert_eq!(
        doc.meta.draft.as_ref().ok_or("no draft facts")?.sponsors,
        ["United Kingdom of Great Britain and Northern Ireland"]
    );
    let ops = doc.operative_paragraphs();
    assert_eq!(ops.len(), 1);
    assert!(ops[0].num.is_none());
    assert!(!ops[0].content[0]
        .0
        .iter()
        .any(|i| matches!(i, Inline::Phrase { .. })));
    Ok(())
}

#[test]
fn a_resolution_has_no_draft_facts() -> Result<(), Box<dyn std::error::Error>> {
    let doc = draft(
        &["A/RES/80/1", "Third Committee"],
        &[
            "Resolution adopted by the General Assembly on 1 October 2025",
            "80/1. Title of it",
            "The General Assembly,",
            "1. Decides;",
        ],
    )?;
    assert_eq!(doc.meta.kind, DocKind::Resolution);
    assert!(doc.meta.draft.is_none());
    Ok(())
}

/// A Council text in the volumes' shape, paragraphs parted by blank lines.
fn council(body: &str) -> Result<crate::model::Resolution, Box<dyn std::error::Error>> {
    let text = format!(
        "Resolution 900 (1990)\nof 3 May 1990\n\nThe Security Council,\n\n{body}\n\nAdopted unanimously at the 2900th meeting.\n"
    );
    Ok(crate::read::read_bytes(text.as_bytes(), Some(Format::Paragraphs))?.doc)
}

#[test]
fn a_cited_year_opening_a_wrapped_line_is_no_label() -> Result<(), Box<dyn std::error::Error>> {
    let doc = council(
        "Recalling its resolutions 600 (1987) of 1 May 1987, 700\n(1989) of 2 June 1989 and 800 (1990),\n\n1. Decides to remain seized of the matter.",
    )?;
    let pre = doc.preambular_paragraphs();
    assert_eq!(pre.len(), 1);
    assert!(pre[0].subparagraphs.is_empty());
    assert!(pre[0].content[0]
        .to_plain()
        .contains("700 (1989) of 2 June"));
    Ok(())
}

#[test]
fn an_operative_verb_after_a_labelled_list_opens_the_next_paragraph(
) -> Result<(), Box<dyn std::error::Error>> {
    let doc = council(
        "Noting the report,\n\nCalls upon the parties:\n\n(1) To cease fire ;\n\n(2) To negotiate ;\n\nRequests the Secretary-General to report to it.",
    )?;
    let ops = doc.operative_paragraphs();
    assert_eq!(ops.len(), 2);
    assert_eq!(ops[0].subparagraphs.len(), 2);
    assert!(ops[1].content[0].to_plain().starts_with("Requests"));
    Ok(())
}

#[test]
fn the_unlabelled_paragraph_before_the_first_label_introduces_the_list(
) -> Result<(), Box<dyn std::error::Error>> {
    let doc = council(
        "Recommends that the Assembly determine the conditions, as follows:\n\nThe State will become a party on the deposit of an instrument containing:\n\n(a) Acceptance of the Statute;\n(b) An undertaking to contribute.",
    )?;
    let ops = doc.operative_paragraphs();
    assert_eq!(ops.len(), 1);
    assert_eq!(ops[0].content.len(), 2);
    let labels: Vec<_> = ops[0].subparagraphs.iter().map(|s| s.num.clone()).collect();
    assert_eq!(labels, [Some("(a)".to_string()), Some("(b)".to_string())]);
    Ok(())
}

/// The body as the PDF reader hands it over, one paragraph each.
fn body_of(texts: &[&str]) -> Result<Resolution, crate::read::ReadError> {
    let prep = Prepared {
        body: paras(texts),
        ..Prepared::default()
    };
    Ok(build(prep, Format::Pdf)?.doc)
}

/// Headings between paragraphs: one before the first numbered paragraph opens the
/// operative part and heads it, one before a later number may run long; a line of
/// asterisks parts two recitals and is no text of either.
#[test]
fn headings_and_separators_between_paragraphs() -> Result<(), Box<dyn std::error::Error>> {
    let doc = body_of(&[
        "Resolution adopted by the General Assembly on 1 July 2024",
        "78/1. A title",
        "The General Assembly,",
        "Recalling its resolution 77/1,",
        "* * *",
        "Recognizing the role of energy hubs,",
        "Final report",
        "1. Welcomes the final report;",
        "2. Decides to appropriate 74,611,100 dollars;",
        "Financing of the appropriation for the period from 1 July 2024 to 30 June 2025",
        "3. Decides to apportion the amount.",
        "50th plenary meeting",
        "1 July 2024",
    ])?;
    let recitals: Vec<String> = doc
        .preambular_paragraphs()
        .iter()
        .flat_map(|p| p.content.iter().map(Text::to_plain))
        .collect();
    assert_eq!(
        recitals,
        vec![
            "Recalling its resolution 77/1,",
            "Recognizing the role of energy hubs,"
        ]
    );
    let headings: Vec<String> = doc
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Section(s) => Some(s.heading.to_plain()),
            Block::Paragraph(_) => None,
        })
        .collect();
    assert_eq!(
        headings,
        vec![
            "Final report",
            "Financing of the appropriation for the period from 1 July 2024 to 30 June 2025"
        ]
    );
    let nums: Vec<Option<String>> = doc
        .operative_paragraphs()
        .iter()
        .map(|p| p.num.clone())
        .collect();
    assert_eq!(
        nums,
        vec![Some("1.".into()), Some("2.".into()), Some("3.".into())]
    );
    Ok(())
}

/// A word alone before the first number ("Therefore") heads nothing: it stays a
/// paragraph of the preamble.
#[test]
fn a_word_alone_before_the_first_number_is_no_heading() -> Result<(), Box<dyn std::error::Error>> {
    let doc = body_of(&[
        "Resolution adopted by the General Assembly on 1 July 2024",
        "78/1. A title",
        "The General Assembly,",
        "Recalling its resolution 77/1,",
        "Therefore",
        "1. Decides to act.",
    ])?;
    assert!(doc.body.iter().all(|b| matches!(b, Block::Paragraph(_))));
    assert_eq!(doc.preambular_paragraphs().len(), 2);
    Ok(())
}

/// Entries printed without labels under "as follows:", each a sentence, are the
/// paragraph's items, unlabelled; a list whose items end in ';' had labels the text
/// lost, and gets them back in order.
#[test]
fn unlabelled_entries_stay_items_without_labels() -> Result<(), Box<dyn std::error::Error>> {
    let doc = body_of(&[
        "Resolution adopted by the General Assembly on 1 July 2024",
        "78/1. A title",
        "The General Assembly,",
        "1. Decides that the meetings will be held as follows:",
        "Monday, 9 June: from 9 a.m. to 1 p.m.",
        "Tuesday, 10 June: from 10 a.m. to 1 p.m.",
        "Wednesday, 11 June: from 10 a.m. to 1 p.m.;",
        "2. Decides that the Conference shall:",
        "Adopt its agenda;",
        "Elect its officers;",
        "Report to the Assembly.",
    ])?;
    let ops = doc.operative_paragraphs();
    assert_eq!(ops.len(), 2);
    let labels = |p: &Paragraph| -> Vec<Option<String>> {
        p.subparagraphs.iter().map(|s| s.num.clone()).collect()
    };
    assert_eq!(labels(ops[0]), vec![None, None, None]);
    assert_eq!(
        labels(ops[1]),
        vec![Some("(a)".into()), Some("(b)".into()), Some("(c)".into())]
    );
    Ok(())
}

/// A heading's second line, set apart by its indent, goes on in lower case: it is the
/// rest of the heading, not a paragraph.
#[test]
fn a_heading_goes_on_in_lower_case() -> Result<(), Box<dyn std::error::Error>> {
    let doc = body_of(&[
        "Resolution adopted by the General Assembly on 1 July 2024",
        "78/1. A title",
        "The General Assembly,",
        "1. Decides to act.",
        "II. Our changed world – Progress and remaining",
        "gaps and challenges",
        "2. Notes the changes.",
    ])?;
    let Some(Block::Section(s)) = doc.body.get(1) else {
        return Err("no section".into());
    };
    assert_eq!(
        s.heading.to_plain(),
        "Our changed world – Progress and remaining gaps and challenges"
    );
    assert_eq!(doc.operative_paragraphs().len(), 2);
    Ok(())
}
