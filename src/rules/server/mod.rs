//! `SRV`: authorization server metadata (SPEC §4.4).

use crate::rules::{Ctx, Rule};

pub static RULES: &[&Rule] = &[];

pub fn check(_ctx: &mut Ctx<'_, '_>) {}
