//! `DOC`: document-level rules that apply to every kind.

mod empty_array;
mod language_tag;
mod unknown_kind;
mod unknown_member;
mod wrapped_document;

pub use empty_array::EMPTY_ARRAY;
pub use language_tag::INVALID_LANGUAGE_TAG;
pub use unknown_kind::UNKNOWN_KIND;
pub use unknown_member::UNKNOWN_MEMBER;
pub use wrapped_document::WRAPPED_DOCUMENT;

use crate::rules::{Ctx, Rule};

/// The `DOC` rules; one slice of [`crate::rules::ALL`].
pub static RULES: &[&Rule] = &[
    &UNKNOWN_KIND,
    &UNKNOWN_MEMBER,
    &INVALID_LANGUAGE_TAG,
    &WRAPPED_DOCUMENT,
    &EMPTY_ARRAY,
];

/// Runs the `DOC` rules that check the tree (DOC002, DOC003, DOC005); `lint` reports DOC001 and DOC004
/// while it detects the document's kind.
pub fn check(ctx: &mut Ctx<'_, '_>) {
    unknown_member::check(ctx);
    language_tag::check(ctx);
    empty_array::check(ctx);
}

pub(crate) use unknown_member::Suggestions;
pub(crate) use unknown_member::closest as closest_value;
