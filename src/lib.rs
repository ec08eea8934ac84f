//! unres: United Nations resolutions to Akoma Ntoso XML, Markdown, typeset PDF and JSON.
//!
//! `bytes → decode → text → read → Resolution → write → outputs`.

pub mod cli;
pub mod decode;
pub mod diag;
pub mod lang;
pub mod model;
pub mod read;
pub mod write;
