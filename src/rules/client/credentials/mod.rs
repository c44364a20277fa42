//! CLI050–CLI099: authentication methods, secrets, keys, signing and encryption algorithms,
//! mutual TLS, proof of possession, CIBA, pairwise subjects and role rules of client metadata.

use crate::rules::{Ctx, Rule};

pub static RULES: &[&Rule] = &[];

pub fn check(_ctx: &mut Ctx<'_, '_>) {}
