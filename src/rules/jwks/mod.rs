//! `JWK`: JWK Sets, standalone and inline in client metadata (SPEC §4.5).

use crate::rules::{Ctx, Rule};

pub static RULES: &[&Rule] = &[];

/// A standalone JWK Set document.
pub fn check(_ctx: &mut Ctx<'_, '_>) {}

/// The inline `jwks` member of client metadata.
pub fn check_client_inline(_ctx: &mut Ctx<'_, '_>) {}
