//! The words of the Romanian texts (the Universal Declaration's translation).

/// The verbs that continue a declaration's formula ("Proclaims this …"), in lowercase.
pub const PROCLAIMS: &[&str] = &["proclamă"];
