//! Recognisers: the words, numbers, dates, labels and phrases a resolution is made of.
//! Each module stands alone or uses its siblings; none knows an input format or the
//! document's parts.

pub mod council;
pub mod date;
pub mod draft;
pub mod heading;
pub mod label;
pub mod mark;
pub mod masthead;
pub mod meeting;
pub mod number;
pub mod ocr;
pub mod opener;
pub mod organ;
pub mod reference;
pub mod text;
pub mod work;
