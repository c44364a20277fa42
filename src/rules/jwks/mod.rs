//! `JWK`: JWK Sets, standalone and inline in client metadata (SPEC §4.5).

use crate::rules::{Ctx, Rule};

pub static RULES: &[&Rule] = &[];

pub fn check(_ctx: &mut Ctx<'_, '_>) {}
