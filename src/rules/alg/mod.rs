//! `ALG`: algorithm names and families, in every kind (SPEC §4.2).

use crate::rules::{Ctx, Rule};

pub static RULES: &[&Rule] = &[];

pub fn check(_ctx: &mut Ctx<'_, '_>) {}
