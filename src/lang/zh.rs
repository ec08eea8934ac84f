//! The words of the Chinese texts.

use super::kinds::CouncilWords;
use super::kinds::DraftWords;
use super::kinds::Marked;
use crate::model::DocKind;
use crate::model::Organ;

/// The organs' names in the enacting formula, in lowercase with straight apostrophes,
/// and what marks the name as the formula.
pub const ORGAN_NAMES: &[(&str, Organ, Marked)] = &[
    ("大会", Organ::GeneralAssembly, Marked::Comma),
    ("大會", Organ::GeneralAssembly, Marked::Comma),
    ("安全理事会", Organ::SecurityCouncil, Marked::Comma),
    ("人权理事会", Organ::HumanRightsCouncil, Marked::Comma),
    (
        "经济及社会理事会",
        Organ::EconomicAndSocialCouncil,
        Marked::Comma,
    ),
];

/// The heading "Preamble" over a declaration's recitals, in lowercase.
pub const PREAMBLE_HEADING: &str = "序言";

/// The characters that open a declaration's recitals ("鉴于"): Chinese has no spaces.
pub const WHEREAS: &[&str] = &["鉴于", "鑑於"];

/// The verbs that continue a declaration's formula ("发布"): Chinese has no spaces.
pub const PROCLAIMS: &[&str] = &["发布", "發布"];

/// The mark of an ordinal number ("第37次" — the 37th).
pub const ORDINAL: char = '第';

/// What follows the number of a plenary meeting ("第37次全体会议").
pub const PLENARY_MEETING: &str = "次全体会议";

/// What follows the number of another meeting ("第7573次会议").
pub const MEETING: &str = "次会议";

/// What makes a meeting plenary ("第37次全体会议").
pub const PLENARY: &str = "全体";

/// The characters that close an article heading ("第一条"; "條" in traditional script).
pub const ARTICLE: [char; 2] = ['条', '條'];

/// The Han digits, zero to nine.
pub const DIGITS: &str = "〇一二三四五六七八九";

/// Ten, which multiplies the digit before it ("二十" = 20).
pub const TEN: char = '十';

/// A hundred, which multiplies the digit before it.
pub const HUNDRED: char = '百';

/// The title of the Universal Declaration of Human Rights, which prints no symbol,
/// number or date of its own.
pub const UDHR_TITLE: &str = "世界人权宣言";

/// A draft's submission line and a decision's adoption line.
pub const DRAFT: DraftWords = DraftWords {
    kinds: &[
        ("决议草案", DocKind::DraftResolution),
        ("决定草案", DocKind::DraftDecision),
        ("修正案", DocKind::Amendment),
    ],
    openings: &[
        ("决议草案", DocKind::DraftResolution),
        ("决定草案", DocKind::DraftDecision),
    ],
    and: "和",
    comma: "、",
    names_with_and: &["安提瓜和巴布达", "波斯尼亚和黑塞哥维那", "特立尼达和多巴哥"],
    particles: &[],
    decision_adopted: "大会通过的决定",
    run_on: &[],
    instructions: &[],
    paragraph: "段",
    committee_end: "委员会",
    committee_start: "",
};

/// The Security Council's heading and adoption line ("第1454(2002)号决议",
/// "2002年12月30日安全理事会第4689次会议通过").
pub const COUNCIL: CouncilWords = CouncilWords {
    resolution: "第",
    resolution_end: "号决议",
    printed: "第",
    adopted: "安全理事会第",
    bare_number: false,
    meeting: MEETING,
    date_introducer: "通过",
    date_first: true,
    united_nations: "联合国",
    organ: COUNCIL_NAME,
    heading_of: "",
    // "在第1382次会议上一致通过。", "在第2330次会议上以13票对0票、2票弃权通过。": the
    // meeting, then the line ends with `date_introducer` ("通过").
    vote: "在",
    vote_meeting: MEETING,
};

/// The Council's name as its masthead prints it.
pub const COUNCIL_NAME: &str = "安全理事会";

/// The organs' names as the masthead prints them.
pub const PRINTED_ORGANS: &[(Organ, &str)] = &[
    (Organ::GeneralAssembly, "大会"),
    (Organ::SecurityCouncil, COUNCIL_NAME),
];
