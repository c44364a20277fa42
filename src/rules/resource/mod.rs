//! `PRM`: protected resource metadata, RFC 9728 (SPEC §4.6).

use crate::rules::{Ctx, Rule};

pub static RULES: &[&Rule] = &[];

pub fn check(_ctx: &mut Ctx<'_, '_>) {}
