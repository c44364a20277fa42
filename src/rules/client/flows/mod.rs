//! CLI001–CLI049: redirect URIs, grant and response types, application type, URL members and
//! flow-level security warnings of client metadata.

use crate::rules::{Ctx, Rule};

pub static RULES: &[&Rule] = &[];

pub fn check(_ctx: &mut Ctx<'_, '_>) {}
