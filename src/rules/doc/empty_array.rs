//! DOC005: zero-element arrays where the specifications say to omit the member.

use crate::rules::Ctx;

pub(super) fn check(_ctx: &mut Ctx<'_, '_>) {}
