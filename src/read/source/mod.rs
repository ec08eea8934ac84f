//! Input formats: each turns its input into a [`Prepared`](crate::read::prepared::Prepared)
//! (masthead lines, body paragraphs, notes).

pub mod ods;
pub mod paragraphs;
pub mod pdf_text;
mod repair;
